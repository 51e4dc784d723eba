package zoo;

import jakarta.persistence.*;

@Entity
@DiscriminatorValue("CARD")
public class CardPayment extends Payment {
    @Column(length = 4, nullable = false)
    private String lastDigits;
    private int installments;
}
