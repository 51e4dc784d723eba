package com.example.shop.domain;

public enum ProductStatus {
    DRAFT,
    ACTIVE,
    DISCONTINUED
}
