package com.example.petstore.domain;

public enum OrderStatus {
    OPEN, PAID, SHIPPED, CANCELLED;

    public boolean isFinal() {
        return this == SHIPPED || this == CANCELLED;
    }
}
