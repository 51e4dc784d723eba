package com.example.shop.domain;

import com.example.shop.support.BaseEntity;
import com.example.shop.support.Limits;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Digits;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.util.Map;

@Entity
@Table(indexes = {
        @Index(name = Limits.INDEX_PREFIX + "product_name", columnList = "name"),
        @Index(columnList = "category_id, price desc")
})
public class Product extends BaseEntity<Long> {

    @Column(nullable = false, unique = true, length = Limits.SKU)
    private String sku;

    @Column(nullable = false, length = Limits.NAME)
    private String name;

    @Column(columnDefinition = "text")
    private String description;

    @Column(nullable = false, precision = Limits.MONEY_PRECISION, scale = Limits.MONEY_SCALE)
    private BigDecimal price;

    @Digits(integer = 5, fraction = 3)
    private BigDecimal weightKg;

    @ManyToOne(optional = false)
    private Category category;

    @Enumerated(EnumType.STRING)
    @Column(length = 16, nullable = false)
    @ColumnDefault("'DRAFT'")
    private ProductStatus status = ProductStatus.DRAFT;

    /** Free-form attributes (colour, size, ...) searched with jsonb operators. */
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> attributes;

    private String[] tags;

    /** A small thumbnail, kept as a large object. */
    @Lob
    private byte[] thumbnail;

    protected Product() {
    }

    public BigDecimal getPrice() {
        return price;
    }
}
