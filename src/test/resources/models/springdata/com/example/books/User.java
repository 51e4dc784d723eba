package com.example.books;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.springframework.data.jpa.domain.AbstractPersistable;

/** The auditor type of the audited entities: a plain AbstractPersistable with a Long id. */
@Entity
@Table(name = "app_user")
public class User extends AbstractPersistable<Long> {

    @Column(nullable = false, unique = true, length = 50)
    private String login;

    private String displayName;
}
