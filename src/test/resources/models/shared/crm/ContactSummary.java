package crm;

import jakarta.persistence.*;

/** A read model over the same table, with one column of its own. */
@Entity
@Table(name = "contact")
public class ContactSummary {
    @Id
    private Long id;
    @Column(length = 100)
    private String name;
    private Integer score;
}
