package ledger.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.hibernate.annotations.UuidGenerator;

import java.util.UUID;

/** UUID ids from Hibernate's own generator: no sequence. */
@Entity
public class Ticket {

    @Id
    @UuidGenerator
    private UUID id;

    private String subject;
}
