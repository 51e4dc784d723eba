package com.example.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import java.util.UUID;

/** A @SequenceGenerator with its own name and size, which the id structure naming does not change. */
@Entity
public class Tag {

    @Id
    @GeneratedValue(generator = "tagIds")
    @SequenceGenerator(name = "tagIds", sequenceName = "tag_ids", allocationSize = 10)
    private Long id;

    @Column(unique = true)
    private String label;

    private UUID externalId;
}
