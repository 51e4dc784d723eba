package ledger;

import jakarta.persistence.*;

/** Shares its key with the account it belongs to. */
@Entity
public class Statement {
    @Id
    private Long id;
    @OneToOne
    @MapsId
    private Account account;
    private String format;
}
