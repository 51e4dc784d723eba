package com.example.audited;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.hibernate.envers.Audited;

/** A single-table hierarchy: vehicle_aud holds the discriminator and the subclass's columns. */
@Entity
@Audited
public class Vehicle extends Stamped {

    public enum Fuel { PETROL, ELECTRIC }

    @Id
    @GeneratedValue
    private Long id;

    @Enumerated(EnumType.STRING)
    private Fuel fuel;

    private boolean registered;
}
