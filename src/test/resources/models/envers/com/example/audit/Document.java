package com.example.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class Document {

    @Id
    @GeneratedValue
    private Long id;

    private String title;
}
