package vetclinic.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;

import java.math.BigDecimal;

/** An item of the pharmacy shelf. */
@Entity
public class Medication {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 80)
    private String tradeName;

    @Column(length = 80)
    private String activeIngredient;

    @Column(precision = 8, scale = 2)
    private BigDecimal unitPrice;

    private int stockUnits;

    /** The scanned package leaflet (PDF). */
    @Lob
    private byte[] leaflet;

    private boolean controlled;
}
