package com.example.audited;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** Not audited: no publisher_aud. */
@Entity
public class Publisher {

    @Id
    @GeneratedValue
    private Long id;

    private String name;
}
