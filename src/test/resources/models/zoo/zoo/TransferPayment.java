package zoo;

import jakarta.persistence.*;

@Entity
@PrimaryKeyJoinColumn(name = "payment_id")
public class TransferPayment extends Payment {
    @Column(length = 34)
    private String iban;
}
