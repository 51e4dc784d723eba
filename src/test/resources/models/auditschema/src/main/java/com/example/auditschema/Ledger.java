package com.example.auditschema;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.hibernate.envers.Audited;

import java.util.HashSet;
import java.util.Set;

/** Its table and collection table in the application's schema; their audit tables and REVINFO in schema audit. */
@Entity
@Audited
public class Ledger {

    @Id
    @GeneratedValue
    private Long id;

    private String owner;

    @ElementCollection
    private Set<String> labels = new HashSet<>();
}
