package com.example.zones;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.validation.constraints.NotNull;
import org.hibernate.annotations.TimeZoneColumn;
import org.hibernate.annotations.TimeZoneStorage;
import org.hibernate.annotations.TimeZoneStorageType;

import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;

/** Each @TimeZoneStorage type on its own field, with no global time zone storage setting. */
@Entity
public class Flight {

    @Id
    private Long id;

    /** timestamp(6), converted to the JVM's zone */
    @TimeZoneStorage(TimeZoneStorageType.NORMALIZE)
    private OffsetDateTime normalized;

    @TimeZoneStorage(TimeZoneStorageType.NORMALIZE_UTC)
    private ZonedDateTime normalizedUtc;

    /** Hibernate accepts NATIVE on a field, unlike as the global setting: timestamp(6) with time zone */
    @TimeZoneStorage(TimeZoneStorageType.NATIVE)
    private OffsetDateTime nativeZone;

    /** DEFAULT follows hibernate.timezone.default_storage, here Hibernate's default */
    @TimeZoneStorage(TimeZoneStorageType.DEFAULT)
    private OffsetDateTime explicitDefault;

    /** columned_tz integer beside it */
    @TimeZoneStorage(TimeZoneStorageType.COLUMN)
    private OffsetDateTime columned;

    /** AUTO is a column on PostgreSQL; a @Column without a name does not carry its nullability to the composite */
    @TimeZoneStorage(TimeZoneStorageType.AUTO)
    @Column(nullable = false)
    private ZonedDateTime auto;

    /** the annotation's own default is AUTO */
    @TimeZoneStorage
    private OffsetDateTime byDefault;

    /** a named @Column does: named_at and named_at_tz are NOT NULL */
    @TimeZoneStorage(TimeZoneStorageType.COLUMN)
    @Column(name = "named_at", nullable = false)
    private OffsetDateTime namedAt;

    /** Bean Validation does not reach the composite's columns either */
    @TimeZoneStorage(TimeZoneStorageType.COLUMN)
    @NotNull
    private OffsetDateTime validated;

    /** Bean Validation does not reach the composite even with a named @Column */
    @TimeZoneStorage(TimeZoneStorageType.COLUMN)
    @Column(name = "checked_at")
    @NotNull
    private OffsetDateTime checkedAt;

    @TimeZoneStorage(TimeZoneStorageType.COLUMN)
    @TimeZoneColumn(name = "departs_zone")
    private OffsetDateTime departsAt;

    /** the name goes through the naming strategy; the column definition is the offset column's type */
    @TimeZoneStorage(TimeZoneStorageType.COLUMN)
    @TimeZoneColumn(name = "landsZone", columnDefinition = "smallint")
    private ZonedDateTime landsAt;

    /** without a name the offset column is named after the composite's zoneOffset */
    @TimeZoneStorage(TimeZoneStorageType.COLUMN)
    @TimeZoneColumn(columnDefinition = "smallint")
    private OffsetDateTime delayedAt;

    /** @TimeZoneColumn alone changes nothing when the offset is not stored in a column */
    @TimeZoneColumn(name = "lonely_zone")
    private OffsetDateTime lonely;

    @TimeZoneStorage(TimeZoneStorageType.COLUMN)
    private OffsetTime boardingTime;

    @TimeZoneStorage(TimeZoneStorageType.NORMALIZE)
    private OffsetTime normalTime;

    @TimeZoneStorage(TimeZoneStorageType.NATIVE)
    private OffsetTime nativeTime;

    @TimeZoneStorage(TimeZoneStorageType.NORMALIZE_UTC)
    private OffsetTime utcTime;

    @Embedded
    private Leg leg;
}
