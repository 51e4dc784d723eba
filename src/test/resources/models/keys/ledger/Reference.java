package ledger;

import jakarta.persistence.*;

/** A foreign key to an embedded id. */
@Entity
public class Reference {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne
    private Entry entry;
}
