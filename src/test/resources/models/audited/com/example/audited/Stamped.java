package com.example.audited;

import jakarta.persistence.MappedSuperclass;

import java.time.Instant;

/** A mapped superclass that is not @Audited: Envers leaves its fields out of the _aud tables. */
@MappedSuperclass
public abstract class Stamped {

    private Instant createdAt;
}
