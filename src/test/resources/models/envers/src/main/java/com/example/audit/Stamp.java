package com.example.audit;

import jakarta.persistence.Embeddable;

import java.time.LocalDateTime;

@Embeddable
public class Stamp {

    private LocalDateTime stampedAt;
}
