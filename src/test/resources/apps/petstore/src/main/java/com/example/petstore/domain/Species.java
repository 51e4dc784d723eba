package com.example.petstore.domain;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of pets the store cares for, with what the vets need to know about each. */
public enum Species {
    DOG("Dog", 4, true),
    CAT("Cat", 4, true),
    PARROT("Parrot", 2, false) {
        @Override
        public String greeting() {
            return "Hello! Hello!";
        }
    },
    HAMSTER("Hamster", 4, false);

    private final String label;
    private final int legs;
    private final boolean needsVaccination;

    Species(String label, int legs, boolean needsVaccination) {
        this.label = label;
        this.legs = legs;
        this.needsVaccination = needsVaccination;
    }

    public String label() {
        return label;
    }

    public int legs() {
        return legs;
    }

    public boolean needsVaccination() {
        return needsVaccination;
    }

    public String greeting() {
        return "...";
    }

    public static Optional<Species> fromLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equalsIgnoreCase(label)).findFirst();
    }
}
