package com.example.books;

import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import org.springframework.data.jpa.domain.AbstractAuditable;

/** Audited with an Integer key. */
@Entity
public class Review extends AbstractAuditable<User, Integer> {

    private int stars;

    private String text;

    @ManyToOne(optional = false)
    private Book book;
}
