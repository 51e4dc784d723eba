package com.example.tuned;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.validation.constraints.NotNull;
import org.hibernate.annotations.TimeZoneColumn;
import org.hibernate.annotations.TimeZoneStorage;
import org.hibernate.annotations.TimeZoneStorageType;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/** Fields' own time zone storage and @TimeZoneColumn under timezone.default_storage=COLUMN. */
@Entity
public class Stay {

    @Id
    private Long id;

    /** the global COLUMN without a column: timestamp(6) */
    @TimeZoneStorage(TimeZoneStorageType.DEFAULT)
    private OffsetDateTime bookedAt;

    @TimeZoneStorage(TimeZoneStorageType.NORMALIZE)
    private ZonedDateTime checkedOutAt;

    /** the global COLUMN, renamed */
    @TimeZoneColumn(name = "arrival_zone")
    private OffsetDateTime arrivedAt;

    /** a named @Column: paid_on and paid_zone NOT NULL, paid_zone a smallint */
    @TimeZoneColumn(name = "paid_zone", columnDefinition = "smallint")
    @Column(name = "paid_on", nullable = false)
    private ZonedDateTime paidAt;

    /** a @Column without a name: both nullable */
    @Column(nullable = false)
    private OffsetDateTime cleanedAt;
}
