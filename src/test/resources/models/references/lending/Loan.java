package lending;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import java.time.LocalDate;

/**
 * Uses only supported mappings, but points at Member, whose table migrate-watch leaves out: the case this model
 * set exists for (a mapped entity with a foreign key to a table that is left out).
 */
@Entity
public class Loan {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(optional = false)
    private Member member;

    @ManyToOne(optional = false)
    private Book book;

    private LocalDate lentOn;

    private LocalDate dueOn;
}
