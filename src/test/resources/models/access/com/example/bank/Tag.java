package com.example.bank;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Field access (the default), with one attribute read through its getter by @Access(PROPERTY). */
@Entity
public class Tag {

    @Id
    private Long id;

    private String name;

    @Access(AccessType.PROPERTY)
    public String getSlug() { return name == null ? null : name.toLowerCase(); }
    public void setSlug(String slug) { }

    public String getLabel() { return name; }
}
