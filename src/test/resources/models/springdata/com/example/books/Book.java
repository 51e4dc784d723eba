package com.example.books;

import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import org.springframework.data.jpa.domain.AbstractAuditable;

import java.math.BigDecimal;

@Entity
public class Book extends AbstractAuditable<User, Long> {

    private String title;

    private BigDecimal price;

    @ManyToOne
    private Publisher publisher;
}
