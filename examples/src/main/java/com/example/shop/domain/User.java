package com.example.shop.domain;

import com.example.shop.support.Auditable;
import com.example.shop.support.Limits;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.NaturalId;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A back-office user. "user" is a reserved word in PostgreSQL, so the table name is quoted for
 * Hibernate too; migrate-watch quotes every identifier anyway.
 */
@Entity
@Table(name = "\"user\"")
public class User extends Auditable {

    public enum Role { VIEWER, CLERK, MANAGER, ADMIN }

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @NaturalId
    @Column(nullable = false, length = 64)
    private String username;

    @Column(nullable = false, length = Limits.EMAIL)
    private String email;

    @Column(columnDefinition = "varchar(100) not null")
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role = Role.VIEWER;

    private OffsetDateTime lastLoginAt;

    private boolean enabled = true;

    protected User() {
    }
}
