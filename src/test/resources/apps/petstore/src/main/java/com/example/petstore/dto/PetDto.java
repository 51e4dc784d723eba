package com.example.petstore.dto;

import com.example.petstore.domain.Species;

import java.time.LocalDate;

public record PetDto(Long id, String name, Species species, LocalDate birthDate) {
}
