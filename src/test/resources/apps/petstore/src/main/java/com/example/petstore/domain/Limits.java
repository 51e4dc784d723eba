package com.example.petstore.domain;

/** Column sizes the entities and the DTO validation share. */
public final class Limits {

    public static final int NAME = 80;
    public static final int DESCRIPTION = 4 * 250;
    public static final int SKU = 32;

    private Limits() {
    }
}
