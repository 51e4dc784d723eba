package vetclinic.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A reference list keyed by a short code the staff types (DOG, CAT, RABBIT, ...). */
@Entity
public class Species {

    @Id
    @Column(length = 12)
    private String code;

    @Column(nullable = false, length = 60)
    private String displayName;

    /** Typical adult weight, used to flag dosage mistakes. */
    @Column(precision = 6, scale = 2)
    private java.math.BigDecimal typicalWeightKg;
}
