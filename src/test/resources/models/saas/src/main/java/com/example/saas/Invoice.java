package com.example.saas;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.hibernate.annotations.SoftDelete;
import org.hibernate.annotations.SoftDeleteType;

/** Soft delete as the time of deletion, in a column of its own name. */
@Entity
@SoftDelete(strategy = SoftDeleteType.TIMESTAMP, columnName = "removed_at")
public class Invoice {

    @Id
    @GeneratedValue
    private Long id;

    private String number;
}
