package com.example.petstore.repository;

import com.example.petstore.domain.Pet;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

@Repository
public interface PetRepository extends JpaRepository<Pet, Long> {

    @Query("""
            select p from Pet p
            join fetch p.owner
            where p.species = :species
            order by p.name
            """)
    List<Pet> findAllOfSpecies(@Param("species") com.example.petstore.domain.Species species);

    long countByOwnerId(Long ownerId);
}
