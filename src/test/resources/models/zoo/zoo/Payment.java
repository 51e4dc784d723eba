package zoo;

import jakarta.persistence.*;
import java.math.BigDecimal;

/** Each kind of payment has a table of its own beside the shared one. */
@Entity
@Inheritance(strategy = InheritanceType.JOINED)
@DiscriminatorColumn(name = "kind", discriminatorType = DiscriminatorType.STRING, length = 10)
public abstract class Payment {
    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;
    @Column(precision = 10, scale = 2, nullable = false)
    private BigDecimal amount;
}
