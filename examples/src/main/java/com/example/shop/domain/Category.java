package com.example.shop.domain;

import com.example.shop.support.Limits;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** The catalogue tree. {@code order} is a keyword, quoted in the mapping so Hibernate can use it. */
@Entity
@Table(uniqueConstraints = @UniqueConstraint(name = "uk_category_parent_slug", columnNames = {"parent_id", "slug"}))
public class Category {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @Column(nullable = false, length = Limits.NAME)
    private String name;

    @Column(nullable = false, length = Limits.SLUG)
    private String slug;

    @ManyToOne
    @JoinColumn(name = "parent_id")
    private Category parent;

    @Column(name = "`order`", nullable = false)
    private int order;

    protected Category() {
    }
}
