package com.example.generators;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.UniqueConstraint;

/** A generator table in the managed schema (a catalog changes nothing on PostgreSQL), and a named unique constraint Hibernate does not create. */
@Entity
public class Receipt {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "receipt_ids")
    @TableGenerator(name = "receipt_ids", table = "receipt_blocks", schema = "public", catalog = "ledger",
            uniqueConstraints = @UniqueConstraint(name = "receipt_blocks_once", columnNames = "next_val"))
    private Long id;

    private String payer;
}
