package com.example.shop.domain;

import com.example.shop.support.Auditable;
import com.example.shop.support.Limits;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@Entity
@Table(indexes = @Index(name = Limits.INDEX_PREFIX + "review_product_rating", columnList = "product_id, rating desc"))
public class Review extends Auditable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    private Product product;

    @ManyToOne
    private Customer author;

    @Min(1)
    @Max(5)
    private short rating;

    @Column(length = Limits.NAME)
    private String title;

    @Column(columnDefinition = "text")
    private String body;

    private boolean verifiedPurchase;

    protected Review() {
    }
}
