package com.example.petstore.dto;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

public record OwnerDto(Long id,
                       @NotBlank @Size(max = 80) String firstName,
                       @NotBlank @Size(max = 80) String lastName,
                       @Email String email,
                       List<PetDto> pets) {

    public OwnerDto {
        pets = pets == null ? List.of() : List.copyOf(pets);
    }

    public static OwnerDto withoutPets(Long id, String first, String last, String email) {
        return new OwnerDto(id, first, last, email, List.of());
    }
}
