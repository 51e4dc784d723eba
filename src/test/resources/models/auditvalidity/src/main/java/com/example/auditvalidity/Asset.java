package com.example.auditvalidity;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import org.hibernate.envers.Audited;

/** The root of a joined hierarchy: where Envers puts the end revision's timestamp for its subclasses' rows too. */
@Entity
@Audited
@Inheritance(strategy = InheritanceType.JOINED)
public class Asset {

    @Id
    @GeneratedValue
    private Long id;

    private String name;
}
