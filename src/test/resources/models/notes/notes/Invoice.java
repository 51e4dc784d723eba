package notes;

import jakarta.persistence.*;
import org.hibernate.annotations.Comment;
import java.math.BigDecimal;

/** Comments for whoever reads the database without the code. */
@Entity
@Comment("Invoices sent to customers; never deleted, only cancelled")
public class Invoice {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Comment("Total including tax, in the currency of the invoice")
    @Column(precision = 12, scale = 2)
    private BigDecimal total;
    @Comment("ISO 4217 code, such as EUR")
    @Column(length = 3)
    private String currency;
    private String reference;
}
