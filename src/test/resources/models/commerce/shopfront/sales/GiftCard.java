package shopfront.sales;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

/** A prepaid card; card numbers are handed out in blocks of 20. */
@Entity
@SequenceGenerator(name = "giftCards", sequenceName = "gift_card_numbers", initialValue = 1000, allocationSize = 20)
public class GiftCard {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "giftCards")
    private Long id;

    @Column(nullable = false, unique = true, length = 19)
    private String cardNumber;

    @Column(nullable = false, precision = 10, scale = 2)
    private BigDecimal balance;

    private Currency currency;

    private LocalDate expiresOn;

    @Version
    private long version;
}
