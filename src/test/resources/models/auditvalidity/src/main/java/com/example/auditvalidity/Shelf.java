package com.example.auditvalidity;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import org.hibernate.envers.Audited;

import java.util.HashSet;
import java.util.Set;

/** Its audit table, and those of its element collection and join table, each with the end revision and its time. */
@Entity
@Audited
public class Shelf {

    @Id
    @GeneratedValue
    private Long id;

    private String label;

    @ElementCollection
    private Set<String> tags = new HashSet<>();

    @ManyToMany
    private Set<Asset> assets = new HashSet<>();
}
