package com.example.shop.domain;

import com.example.shop.support.Auditable;
import com.example.shop.support.Limits;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One payment per order; the provider's raw answer is kept for disputes. */
@Entity
public class Payment extends Auditable {

    @Id
    @GeneratedValue
    private UUID id;

    @OneToOne(optional = false)
    private PurchaseOrder order;

    private PaymentMethod method;

    @Column(nullable = false, precision = Limits.MONEY_PRECISION, scale = Limits.MONEY_SCALE)
    private BigDecimal amount;

    private Instant paidAt;

    @Column(length = 100)
    private String providerReference;

    @JdbcTypeCode(SqlTypes.JSON)
    private String providerResponse;

    protected Payment() {
    }
}
