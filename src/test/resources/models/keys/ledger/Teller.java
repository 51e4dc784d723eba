package ledger;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** A foreign key into Branch: its columns follow the key's order. */
@Entity
public class Teller {
    @Id
    private Long id;

    @ManyToOne
    private Branch branch;
}
