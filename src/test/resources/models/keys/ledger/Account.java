package ledger;

import jakarta.persistence.*;

/** A plain entity that others derive their keys from. */
@Entity
public class Account {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, length = 80)
    private String holder;
}
