package com.mycompany.store.domain.enumeration;

/** The OrderStatus enumeration. */
public enum OrderStatus {
    COMPLETED, PENDING, CANCELLED
}
