package com.example.auditnames;

import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import org.hibernate.envers.Audited;

import java.util.HashSet;
import java.util.Set;

/** hist_writer_log: rev_id and rev_kind instead of REV and REVTYPE; its collection tables' audit tables too. */
@Entity
@Audited
public class Writer {

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, length = 120)
    private String name;

    @ElementCollection
    private Set<String> pseudonyms = new HashSet<>();

    @ManyToMany
    private Set<Genre> genres = new HashSet<>();
}
