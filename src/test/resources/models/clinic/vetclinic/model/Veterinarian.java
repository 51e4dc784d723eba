package vetclinic.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.NaturalId;

import java.time.LocalDate;

/** A vet on the staff, known to the regulator by a licence number. */
@Entity
public class Veterinarian {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NaturalId
    @Column(length = 20)
    private String licenceNumber;

    @Column(nullable = false, length = 100)
    private String fullName;

    @Enumerated(EnumType.ORDINAL)
    private Specialty specialty;

    private LocalDate hiredOn;

    @ColumnDefault("true")
    private Boolean acceptsNewPatients;
}
