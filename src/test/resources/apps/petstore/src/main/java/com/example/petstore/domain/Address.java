package com.example.petstore.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Where an owner lives; stored in the owner's row. */
@Embeddable
public record Address(
        @Column(length = 120) String street,
        @Column(length = 60) String city,
        @Column(name = "postal_code", length = 12) String postalCode) {

    public Address {
        if (city != null) {
            city = city.strip();
        }
    }

    public boolean isComplete() {
        return street != null && city != null && postalCode != null;
    }
}
