package shopfront.sales;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("CARD")
public class CardPayment extends Payment {

    @Column(length = 20)
    private String scheme;

    @Column(length = 4)
    private String lastDigits;
}
