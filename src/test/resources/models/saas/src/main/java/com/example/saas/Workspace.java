package com.example.saas;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.annotations.SoftDelete;
import org.hibernate.annotations.TenantId;

/** Soft-deleted (the column deleted), its tenant a plain column, its ids from the table hibernate_sequences. */
@Entity
@SoftDelete
public class Workspace {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE)
    private Long id;

    @TenantId
    private String tenant;

    private String name;
}
