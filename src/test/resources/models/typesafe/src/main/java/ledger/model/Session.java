package ledger.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A sequence in the default schema. */
@Entity
@Table(name = "login_session")
public class Session {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "session_gen")
    @SequenceGenerator(name = "session_gen", schema = "public", allocationSize = 5)
    private Integer id;

    private java.util.UUID token;
}
