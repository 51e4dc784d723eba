package com.example.books;

import jakarta.persistence.Entity;
import jakarta.persistence.ManyToMany;
import org.springframework.data.jpa.domain.AbstractPersistable;

import java.time.LocalDate;
import java.util.Set;

@Entity
public class Author extends AbstractPersistable<Long> {

    private String name;

    private LocalDate born;

    @ManyToMany
    private Set<Book> books;
}
