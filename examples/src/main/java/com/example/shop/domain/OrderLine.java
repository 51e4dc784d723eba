package com.example.shop.domain;

import com.example.shop.support.Limits;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.validation.constraints.Min;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

import java.math.BigDecimal;

@Entity
@Table(uniqueConstraints = @UniqueConstraint(columnNames = {"order_id", "product_id"}))
public class OrderLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @OnDelete(action = OnDeleteAction.CASCADE)
    private PurchaseOrder order;

    @ManyToOne(optional = false)
    private Product product;

    @Min(1)
    private int quantity;

    @Column(nullable = false, precision = Limits.MONEY_PRECISION, scale = Limits.MONEY_SCALE)
    private BigDecimal unitPrice;

    @Column(precision = 5, scale = 2)
    @ColumnDefault("0")
    private BigDecimal discountPercent;

    protected OrderLine() {
    }

    public BigDecimal getLineTotal() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
