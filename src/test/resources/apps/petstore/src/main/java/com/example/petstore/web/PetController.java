package com.example.petstore.web;

import com.example.petstore.domain.Species;
import com.example.petstore.dto.PetDto;
import com.example.petstore.repository.PetRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/pets")
public class PetController {

    private final PetRepository pets;

    public PetController(PetRepository pets) {
        this.pets = pets;
    }

    @GetMapping("/species/{species}")
    public List<PetDto> ofSpecies(@PathVariable String species) {
        Species s = Species.fromLabel(species).orElseThrow(() -> new IllegalArgumentException("unknown species " + species));
        return pets.findAllOfSpecies(s).stream()
                .map(p -> new PetDto(p.getId(), p.getName(), p.getSpecies(), p.getBirthDate()))
                .toList();
    }
}
