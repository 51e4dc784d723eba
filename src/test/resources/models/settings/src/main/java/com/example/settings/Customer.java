package com.example.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The types the application's settings change: Instant, UUID, boolean, Duration, OffsetDateTime. */
@Entity
public class Customer {

    /** legacy id structure naming: one hibernate_sequence, increment 1 */
    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, length = 80)
    private String displayName;

    /** preferred_instant_jdbc_type=TIMESTAMP: timestamp(6), not with time zone */
    private Instant createdAt;

    /** preferred_uuid_jdbc_type=CHAR: char(36) */
    private UUID publicId;

    /** preferred_boolean_jdbc_type=INTEGER (profile prod): integer */
    private boolean newsletter;

    private Boolean verified;

    /** NUMERIC in application.yml, INTERVAL_SECOND in application-prod.yml */
    private Duration averageVisit;

    /** timezone.default_storage=NORMALIZE (profile prod): timestamp(6) */
    private OffsetDateTime lastSeenAt;
}
