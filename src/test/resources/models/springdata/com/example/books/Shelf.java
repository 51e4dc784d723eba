package com.example.books;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.springframework.data.domain.AbstractAggregateRoot;

/** An aggregate root (domain events, no columns) with its own id. */
@Entity
public class Shelf extends AbstractAggregateRoot<Shelf> {

    @Id
    @GeneratedValue
    private Long id;

    private String label;
}
