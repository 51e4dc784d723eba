package com.example.petstore.repository;

import com.example.petstore.domain.Owner;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

@Repository
public interface OwnerRepository extends JpaRepository<Owner, Long> {

    Optional<Owner> findByEmailIgnoreCase(String email);

    @Query("select o from Owner o where lower(o.lastName) like lower(concat(:prefix, '%'))")
    List<Owner> findByLastNamePrefix(@Param("prefix") String prefix);

    default Owner require(Long id) {
        return findById(id).orElseThrow(() -> new IllegalArgumentException("no owner " + id));
    }
}
