package com.example.petstore.domain;

public enum VisitStatus {
    BOOKED, CHECKED_IN, DONE, CANCELLED;

    /** The status a visit moves to when the vet finishes the current step. */
    public VisitStatus next() {
        return switch (this) {
            case BOOKED -> CHECKED_IN;
            case CHECKED_IN, DONE -> DONE;
            case CANCELLED -> throw new IllegalStateException("a cancelled visit does not move on");
        };
    }
}
