package com.example.petstore.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import lombok.AllArgsConstructor;
import lombok.Builder;
import lombok.Data;
import lombok.EqualsAndHashCode;
import lombok.NoArgsConstructor;
import lombok.ToString;

import java.util.ArrayList;
import java.util.List;

@Data
@Builder
@NoArgsConstructor
@AllArgsConstructor
@EqualsAndHashCode(callSuper = false, onlyExplicitlyIncluded = true)
@Entity
@Table(name = "owners")
public class Owner extends BaseEntity {

    @NotBlank
    @Column(name = "first_name", length = Limits.NAME)
    private String firstName;

    @NotBlank
    @Column(name = "last_name", length = Limits.NAME)
    private String lastName;

    @Email
    @EqualsAndHashCode.Include
    @Column(unique = true, nullable = false)
    private String email;

    private String telephone;

    @Embedded
    private Address address;

    @Builder.Default
    @ToString.Exclude
    @OneToMany(mappedBy = "owner", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<Pet> pets = new ArrayList<>();

    public void adopt(Pet pet) {
        pets.add(pet);
        pet.setOwner(this);
    }

    public String fullName() {
        return "%s %s".formatted(firstName, lastName);
    }
}
