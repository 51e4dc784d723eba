package ledger;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/** A generic base whose generated id gets its type from each entity below it. */
@MappedSuperclass
public abstract class Stamped<ID> {
    @Id
    @GeneratedValue
    private ID id;
}
