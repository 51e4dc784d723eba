package vetclinic.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A medication given for a consultation; its id is printed as a QR code on the label. */
@Entity
public class Prescription {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @ManyToOne(optional = false)
    @OnDelete(action = OnDeleteAction.CASCADE)
    private Consultation consultation;

    @ManyToOne(optional = false)
    private Medication medication;

    @Column(nullable = false, length = 80)
    private String dosage;

    @Min(1)
    @Max(90)
    private int days;

    @Digits(integer = 5, fraction = 3)
    private BigDecimal quantity;

    private LocalDate firstDose;
}
