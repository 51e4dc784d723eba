package com.example.petstore.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import lombok.Getter;
import lombok.Setter;

import java.math.BigDecimal;

@Getter
@Setter
@Entity
public class OrderLine extends BaseEntity {

    @ManyToOne(optional = false)
    private PurchaseOrder order;

    @ManyToOne(optional = false)
    private Product product;

    private int quantity;

    BigDecimal amount() {
        return product.getPrice().multiply(BigDecimal.valueOf(quantity));
    }
}
