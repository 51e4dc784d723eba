package com.example.shop.domain;

public enum PaymentMethod {
    CARD,
    BANK_TRANSFER,
    INVOICE,
    GIFT_CARD
}
