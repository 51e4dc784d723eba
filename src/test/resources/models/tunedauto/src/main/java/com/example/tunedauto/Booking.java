package com.example.tunedauto;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;

/** Bean Validation that apply_to_ddl=false keeps out of the DDL, and time zones stored in a column (AUTO). */
@Entity
public class Booking {

    @Id
    @GeneratedValue
    private Long id;

    /** nullable: @NotNull does not reach the DDL */
    @NotNull
    private String guestName;

    /** varchar(255), not 40 */
    @Size(max = 40)
    private String roomCode;

    @NotBlank
    @Column(length = 20)
    private String reference;

    /** no check */
    @Min(1)
    @Max(12)
    private Integer nights;

    /** numeric(38,2), not (8,2) */
    @Digits(integer = 6, fraction = 2)
    private BigDecimal price;

    /** AUTO (COLUMN on PostgreSQL): timestamp(6) with time zone plus arrives_at_tz */
    private OffsetDateTime arrivesAt;

    @Column(name = "departure", nullable = false)
    private ZonedDateTime leavesAt;

    private OffsetTime breakfastAt;

    /** TINYINT: smallint, checked in (0,1) on Hibernate 7 */
    private boolean paid;

    private Boolean confirmed;
}
