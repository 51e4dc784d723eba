package com.example.petstore.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import lombok.Getter;
import lombok.Setter;

@Getter
@Setter
@Entity
public class Specialty extends BaseEntity {

    @Column(unique = true, length = 40)
    private String name;
}
