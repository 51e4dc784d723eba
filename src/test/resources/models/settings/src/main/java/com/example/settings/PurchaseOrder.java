package com.example.settings;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Set;

/** A generator name no @SequenceGenerator declares, a join table whose name depends on the naming. */
@Entity
public class PurchaseOrder {

    /** legacy: the sequence order_ids, increment 1 (50 with the standard naming) */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "order_ids")
    private Long id;

    @ManyToOne(optional = false)
    private Customer customer;

    private BigDecimal totalAmount;

    private Instant placedAt;

    private ZonedDateTime deliveryWindowStart;

    @ManyToMany
    private Set<Tag> tags = new HashSet<>();
}
