package vetclinic.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import org.hibernate.annotations.UpdateTimestamp;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

/** The bill for one consultation, addressed to the pet's owner. */
@Entity
public class Invoice {

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, unique = true)
    private UUID publicReference;

    @ManyToOne(optional = false)
    private Owner owner;

    @OneToOne
    private Consultation consultation;

    @Column(precision = 10, scale = 2, nullable = false)
    private BigDecimal total;

    private LocalDate issuedOn;

    private LocalDate paidOn;

    @UpdateTimestamp
    private LocalDateTime lastChangedAt;
}
