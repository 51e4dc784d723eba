package com.example.petstore.repository;

import com.example.petstore.domain.Vet;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

@Repository
public interface VetRepository extends JpaRepository<Vet, Long> {

    @Query(value = "select * from vet where name ilike :name", nativeQuery = true)
    List<Vet> search(@Param("name") String name);
}
