package com.mycompany.store.domain.enumeration;

/** The Size enumeration. */
public enum Size {
    S, M, L, XL, XXL
}
