package com.example.generators;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.UniqueConstraint;

/** A generator table with a unique constraint and indexes, named and unnamed, which Hibernate does not create. */
@Entity
@TableGenerator(name = "invoice_ids", table = "id_blocks", pkColumnName = "block", valueColumnName = "next_id",
        uniqueConstraints = @UniqueConstraint(columnNames = {"block", "next_id"}),
        indexes = {@Index(columnList = "next_id"), @Index(name = "id_blocks_by_block", columnList = "block, next_id", unique = true)})
public class Invoice {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "invoice_ids")
    private Long id;

    private String number;
}
