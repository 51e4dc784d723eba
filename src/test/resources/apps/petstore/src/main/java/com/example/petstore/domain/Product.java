package com.example.petstore.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.validation.constraints.Min;
import lombok.AllArgsConstructor;
import lombok.Builder;
import lombok.Data;
import lombok.EqualsAndHashCode;
import lombok.NoArgsConstructor;

import java.math.BigDecimal;

@Data
@Builder(toBuilder = true)
@NoArgsConstructor
@AllArgsConstructor
@EqualsAndHashCode(callSuper = false)
@Entity
public class Product extends BaseEntity {

    @Column(nullable = false, unique = true, length = Limits.SKU)
    private String sku;

    @Column(nullable = false)
    private String title;

    @Column(precision = 10, scale = 2, nullable = false)
    private BigDecimal price;

    @Min(0)
    private int stock;

    @Builder.Default
    private boolean active = true;

    public Product restocked(int amount) {
        return toBuilder().stock(stock + amount).build();
    }
}
