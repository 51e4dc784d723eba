package com.example.shop.domain;

import com.example.shop.support.Auditable;
import com.example.shop.support.Limits;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** "order" is a keyword: the table is purchase_order. */
@Entity
@Table(uniqueConstraints = @UniqueConstraint(name = "uk_purchase_order_number", columnNames = "number"),
       indexes = @Index(name = Limits.INDEX_PREFIX + "purchase_order_customer", columnList = "customer_id, placedAt desc"))
public class PurchaseOrder extends Auditable {

    public enum Status { CART, PLACED, PAID, SHIPPED, DELIVERED, CANCELLED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "purchase_order_ids")
    @SequenceGenerator(name = "purchase_order_ids", sequenceName = "purchase_order_id_seq", allocationSize = 20)
    private Long id;

    @Column(nullable = false, length = Limits.ORDER_NUMBER)
    private String number;

    @ManyToOne(optional = false)
    @JoinColumn(name = "customer_id", foreignKey = @ForeignKey(name = "fk_purchase_order_customer"))
    private Customer customer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status = Status.CART;

    private OffsetDateTime placedAt;

    @Column(nullable = false, precision = 14, scale = Limits.MONEY_SCALE)
    private BigDecimal totalAmount = BigDecimal.ZERO;

    @Column(nullable = false)
    private Currency currency;

    @Column(columnDefinition = "varchar(500) default ''")
    private String customerNote;

    @OneToMany(mappedBy = "order")
    private List<OrderLine> lines = new ArrayList<>();

    protected PurchaseOrder() {
    }
}
