package com.example.shop.domain;

import com.example.shop.support.BaseEntity;
import com.example.shop.support.Limits;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;

@Entity
public class Shipment extends BaseEntity<Long> {

    @OneToOne(optional = false)
    private PurchaseOrder order;

    @ManyToOne(optional = false)
    private CustomerAddress shippingAddress;

    @Column(nullable = false, length = 40)
    private String carrier;

    @Column(length = Limits.TRACKING_NUMBER)
    private String trackingNumber;

    private OffsetDateTime shippedAt;

    private LocalDate deliveredOn;

    /** How long the carrier promised; stored as nanoseconds. */
    private Duration promisedTransitTime;

    protected Shipment() {
    }
}
