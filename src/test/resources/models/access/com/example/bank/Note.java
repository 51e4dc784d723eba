package com.example.bank;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** @Access(PROPERTY) on the class, with the id read from its field by @Access(FIELD). */
@Entity
@Access(AccessType.PROPERTY)
public class Note {

    @Id
    @Access(AccessType.FIELD)
    private Long id;

    private String body;

    public String getText() { return body; }
    public void setText(String text) { this.body = text; }
}
