package com.example.books;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.springframework.data.jpa.domain.AbstractPersistable;

/** An Integer key through the generic id. */
@Entity
@Table(name = "publishing_house")
public class Publisher extends AbstractPersistable<Integer> {

    private String name;
}
