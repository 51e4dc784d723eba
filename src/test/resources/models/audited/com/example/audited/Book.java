package com.example.audited;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import org.hibernate.envers.Audited;
import org.hibernate.envers.RelationTargetAuditMode;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

/** Audited with a relation to an audited entity, one to an entity that is not (NOT_AUDITED) and an audited join table. */
@Entity
@Audited
public class Book {

    @Id
    @GeneratedValue
    private Long id;

    private String title;

    private BigDecimal price;

    @ManyToOne(optional = false)
    private Author author;

    @ManyToOne
    @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
    private Publisher publisher;

    @ManyToMany
    private Set<Author> reviewers = new HashSet<>();
}
