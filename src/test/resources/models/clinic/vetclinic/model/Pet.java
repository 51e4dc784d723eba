package vetclinic.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import vetclinic.model.base.TrackedEntity;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An animal under the clinic's care; an owner does not name two pets alike. */
@Entity
@Table(uniqueConstraints = @UniqueConstraint(name = "uk_pet_owner_name", columnNames = {"owner_id", "name"}))
public class Pet extends TrackedEntity {

    @Column(nullable = false, length = 40)
    private String name;

    private LocalDate bornOn;

    @Enumerated(EnumType.STRING)
    @Column(length = 8)
    private Sex sex;

    @Column(precision = 5, scale = 2)
    private BigDecimal weightKg;

    @Column(length = 15, unique = true)
    private String microchip;

    @ManyToOne(optional = false)
    private Owner owner;

    @ManyToOne
    @JoinColumn(name = "species_code")
    private Species species;

    private boolean deceased;
}
