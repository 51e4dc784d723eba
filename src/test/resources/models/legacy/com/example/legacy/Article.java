package com.example.legacy;

import org.hibernate.annotations.Type;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.Id;
import javax.persistence.ManyToOne;
import javax.persistence.Table;
import javax.validation.constraints.NotNull;
import java.util.UUID;

/** A Hibernate 5 entity: javax.persistence, and @Type by name. */
@Entity
@Table(name = "articles")
public class Article {

    @Id
    @GeneratedValue
    private Long id;

    @NotNull
    @Column(length = 200)
    private String title;

    @Type(type = "text")
    private String body;

    @Type(type = "org.hibernate.type.TextType")
    private String summary;

    @Type(type = "yes_no")
    private boolean published;

    @Type(type = "true_false")
    private Boolean featured;

    @Type(type = "numeric_boolean")
    private Boolean archived;

    @Type(type = "jsonb")
    @Column(columnDefinition = "jsonb")
    private String metadata;

    @Type(type = "jsonb")
    private String settings;

    @Type(type = "pg-uuid")
    private UUID externalId;

    @ManyToOne
    private Author author;
}
