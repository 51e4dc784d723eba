package com.example.audited;

import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

import java.util.HashSet;
import java.util.Set;

/** An audited entity: author_aud has every column but the @NotAudited one, all nullable, keyed by (id, rev). */
@Entity
@Audited
public class Author extends Stamped {

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, length = 120, unique = true)
    private String name;

    private int born;

    @NotAudited
    private String lastLoginIp;

    @ElementCollection
    private Set<String> nicknames = new HashSet<>();
}
