package com.mycompany.store.domain.enumeration;

/** The Gender enumeration. */
public enum Gender {
    MALE, FEMALE, OTHER
}
