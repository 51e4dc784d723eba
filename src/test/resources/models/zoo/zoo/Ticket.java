package zoo;

import jakarta.persistence.*;
import java.time.LocalDate;

/** A table per concrete class, each with every column. */
@Entity
@Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
public abstract class Ticket {
    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;
    private LocalDate validOn;
}
