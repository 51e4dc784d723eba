package com.example.petstore.service;

import com.example.petstore.domain.Pet;
import com.example.petstore.domain.Vet;
import com.example.petstore.domain.Visit;
import com.example.petstore.repository.PetRepository;
import com.example.petstore.repository.VetRepository;
import com.example.petstore.repository.VisitRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDateTime;

@Service
public class VisitService {

    private final VisitRepository visits;
    private final PetRepository pets;
    private final VetRepository vets;
    private final Clock clock;

    public VisitService(VisitRepository visits, PetRepository pets, VetRepository vets, Clock clock) {
        this.visits = visits;
        this.pets = pets;
        this.vets = vets;
        this.clock = clock;
    }

    @Transactional
    public Visit book(long petId, long vetId, LocalDateTime at) {
        Pet pet = pets.findById(petId).orElseThrow();
        Vet vet = vets.findById(vetId).orElseThrow();
        if (!vet.treats(pet.getSpecies())) {
            throw new IllegalArgumentException(vet.getName() + " does not treat " + pet.getSpecies().label());
        }
        int openingHour = switch (at.getDayOfWeek()) {
            case SATURDAY -> 10;
            case SUNDAY -> throw new IllegalArgumentException("closed on Sundays");
            default -> {
                int base = 8;
                yield at.getDayOfWeek() == DayOfWeek.MONDAY ? base + 1 : base;
            }
        };
        if (at.getHour() < openingHour || at.isBefore(LocalDateTime.now(clock))) {
            throw new IllegalArgumentException("not a bookable time: " + at);
        }
        return visits.save(new Visit(pet, vet, at));
    }
}
