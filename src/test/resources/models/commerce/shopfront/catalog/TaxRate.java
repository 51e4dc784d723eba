package shopfront.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The VAT a country charges on one kind of goods from a given day on. */
@Entity
@Table(uniqueConstraints = @UniqueConstraint(name = "uk_tax_rate_period", columnNames = {"country_code", "kind", "validFrom"}))
public class TaxRate {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "country_code")
    private Country country;

    @Column(nullable = false, length = 20)
    private String kind;

    @Column(nullable = false, precision = 5, scale = 4)
    private BigDecimal rate;

    @Column(nullable = false)
    private LocalDate validFrom;
}
