package com.example.saas;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.hibernate.annotations.SoftDelete;
import org.hibernate.annotations.SoftDeleteType;

/** Soft delete in a column of its own name: Hibernate 6.6 has no TIMESTAMP strategy, only a flag. */
@Entity
@SoftDelete(strategy = SoftDeleteType.DELETED, columnName = "removed")
public class Invoice {

    @Id
    @GeneratedValue
    private Long id;

    private String number;
}
