package com.example.petstore.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.ManyToOne;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import lombok.Setter;

import java.time.LocalDateTime;

@Entity
@Getter
@Setter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Visit extends BaseEntity {

    @ManyToOne(optional = false)
    private Pet pet;

    @ManyToOne
    private Vet vet;

    @Column(nullable = false)
    private LocalDateTime scheduledAt;

    @Column(length = Limits.DESCRIPTION)
    private String description;

    @Enumerated(EnumType.STRING)
    private VisitStatus status = VisitStatus.BOOKED;

    public Visit(Pet pet, Vet vet, LocalDateTime scheduledAt) {
        this.pet = pet;
        this.vet = vet;
        this.scheduledAt = scheduledAt;
    }

    public void complete(String notes) {
        this.status = status.next();
        this.description = notes;
    }
}
