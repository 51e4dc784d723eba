package ledger;

import jakarta.persistence.*;
import java.math.BigDecimal;

/** A foreign key to a composite key. */
@Entity
public class Balance {
    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;
    @ManyToOne(optional = false)
    private Period period;
    @ManyToOne
    private Account account;
    @Column(precision = 14, scale = 2)
    private BigDecimal amount;
}
