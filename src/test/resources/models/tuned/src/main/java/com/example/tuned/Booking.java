package com.example.tuned;

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

/** Bean Validation that validation.mode=none keeps out of the DDL, and time zones stored in a column. */
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

    /** COLUMN: timestamp(6) with time zone plus arrives_at_tz */
    private OffsetDateTime arrivesAt;

    @Column(name = "departure", nullable = false)
    private ZonedDateTime leavesAt;

    private OffsetTime breakfastAt;

    /** CHAR: char(1), checked in (F,T) on Hibernate 7 */
    private boolean paid;

    private Boolean confirmed;
}
