package pricing;

import jakarta.persistence.*;
import org.hibernate.annotations.Check;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Rules the database enforces, written as SQL checks. */
@Entity
@Check(constraints = "ends is null or ends >= starts")
@Check(name = "ck_offer_discount", constraints = "discount between 0 and 90")
public class Offer {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Check(constraints = "price > 0")
    @Column(precision = 10, scale = 2, nullable = false)
    private BigDecimal price;
    private int discount;
    @Column(nullable = false)
    private LocalDate starts;
    private LocalDate ends;
}
