package com.example.auditnames;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.ManyToOne;
import org.hibernate.envers.Audited;

/** A joined hierarchy: the subclass's audit table points at its parent's, by the renamed revision column. */
@Entity
@Audited
@Inheritance(strategy = InheritanceType.JOINED)
public class Work {

    @Id
    @GeneratedValue
    private Long id;

    private String title;

    @ManyToOne
    private Writer writer;
}
