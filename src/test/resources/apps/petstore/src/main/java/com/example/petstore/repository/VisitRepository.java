package com.example.petstore.repository;

import com.example.petstore.domain.Visit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

@Repository
public interface VisitRepository extends JpaRepository<Visit, Long> {

    List<Visit> findByPetIdOrderByScheduledAtDesc(Long petId);

    default Optional<Visit> latestFor(Long petId) {
        return findByPetIdOrderByScheduledAtDesc(petId).stream().findFirst();
    }
}
