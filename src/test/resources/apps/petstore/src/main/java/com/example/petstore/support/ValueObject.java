package com.example.petstore.support;

import lombok.Value;
import lombok.With;

/** A Lombok value class: immutable, equals and hashCode by value. */
@Value
@With
public class ValueObject {
    String key;
    int revision;

    public ValueObject bump() {
        return withRevision(revision + 1);
    }
}
