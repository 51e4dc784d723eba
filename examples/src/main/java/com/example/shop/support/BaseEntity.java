package com.example.shop.support;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.io.Serializable;
import java.util.Objects;

/**
 * Entities with a sequence-generated key of type {@code ID}: each gets its own
 * {@code <table>_seq} sequence, allocated 50 at a time.
 */
@MappedSuperclass
public abstract class BaseEntity<ID extends Serializable> extends Auditable {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private ID id;

    public ID getId() {
        return id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BaseEntity<?> other && getClass() == other.getClass() && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(getClass());
    }
}
