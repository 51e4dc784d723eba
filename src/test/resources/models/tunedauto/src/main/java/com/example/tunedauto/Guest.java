package com.example.tunedauto;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.validation.constraints.NotNull;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** A time zone column inside an embeddable and in an element collection, and an id without a generator. */
@Entity
public class Guest {

    @Id
    private Long id;

    @Embedded
    private Visit lastVisit;

    @NotNull
    private Boolean vip;

    /** DEFAULT follows the global AUTO, a column on PostgreSQL: timestamp(6) without a column of its own */
    @org.hibernate.annotations.TimeZoneStorage(org.hibernate.annotations.TimeZoneStorageType.DEFAULT)
    private OffsetDateTime lastCall;

    /** the collection table gets a time zone column too */
    @ElementCollection
    private List<OffsetDateTime> reminders = new ArrayList<>();

    @Embeddable
    public static class Visit {

        private OffsetDateTime checkedIn;

        private String note;
    }
}
