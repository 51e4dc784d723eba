package com.example.shop.domain;

/** Stored by name: adding a status in the middle must not renumber existing rows. */
public enum CustomerStatus {
    ACTIVE,
    SUSPENDED,
    CLOSED
}
