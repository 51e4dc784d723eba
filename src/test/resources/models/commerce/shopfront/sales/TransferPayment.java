package shopfront.sales;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("TRANSFER")
public class TransferPayment extends Payment {

    @Column(length = 34)
    private String iban;

    @Column(length = 140)
    private String remittance;
}
