package com.example.settings;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.TimeZoneStorage;
import org.hibernate.annotations.TimeZoneStorageType;

import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;

/** A field's own @TimeZoneStorage against timezone.default_storage=NORMALIZE and preferred_instant_jdbc_type=TIMESTAMP. */
@Entity
public class Visit {

    @Id
    private Long id;

    /** typed as an Instant: timestamp(6), and arrived_at_tz */
    @TimeZoneStorage(TimeZoneStorageType.COLUMN)
    private OffsetDateTime arrivedAt;

    /** timestamp(6) with time zone, despite the global NORMALIZE */
    @TimeZoneStorage(TimeZoneStorageType.NORMALIZE_UTC)
    private ZonedDateTime leftAt;

    /** the global NORMALIZE: timestamp(6) */
    @TimeZoneStorage(TimeZoneStorageType.DEFAULT)
    private OffsetDateTime bookedAt;

    /** AUTO: time(0) (time(6) on 6.6) and opened_at_tz */
    @TimeZoneStorage
    private OffsetTime openedAt;
}
