package com.example.audited;

import jakarta.persistence.Entity;

/** A subclass that is not @Audited itself, in an audited single-table hierarchy. */
@Entity
public class Truck extends Vehicle {

    private Integer payload;
}
