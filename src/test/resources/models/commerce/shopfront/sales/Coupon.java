package shopfront.sales;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import shopfront.common.UpperCase;

import java.time.LocalDate;

/** A discount code; whatever case it is typed in, it is stored in capitals. */
@Entity
public class Coupon {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Convert(converter = UpperCase.class)
    @Column(nullable = false, unique = true, length = 24)
    private String code;

    private int percentOff;

    private LocalDate validUntil;
}
