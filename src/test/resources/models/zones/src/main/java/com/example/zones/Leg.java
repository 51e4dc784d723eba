package com.example.zones;

import jakarta.persistence.Embeddable;
import org.hibernate.annotations.TimeZoneColumn;
import org.hibernate.annotations.TimeZoneStorage;
import org.hibernate.annotations.TimeZoneStorageType;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/** @TimeZoneStorage and @TimeZoneColumn inside an embeddable. */
@Embeddable
public class Leg {

    @TimeZoneStorage(TimeZoneStorageType.COLUMN)
    @TimeZoneColumn(name = "leg_zone")
    private OffsetDateTime startedAt;

    @TimeZoneStorage(TimeZoneStorageType.NORMALIZE)
    private ZonedDateTime endedAt;

    @TimeZoneStorage(TimeZoneStorageType.COLUMN)
    private OffsetDateTime pausedAt;
}
