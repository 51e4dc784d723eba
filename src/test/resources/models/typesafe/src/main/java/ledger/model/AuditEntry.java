package ledger.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import org.hibernate.annotations.GenericGenerator;
import org.hibernate.annotations.Parameter;

/** Ids from a sequence declared the Hibernate way, and a named JPA generator. */
@Entity
@SequenceGenerator(name = "unused_audit_gen", sequenceName = "audit_unused_seq")
public class AuditEntry {

    @Id
    @GeneratedValue(generator = "audit_gen")
    @GenericGenerator(name = "audit_gen", strategy = "org.hibernate.id.enhanced.SequenceStyleGenerator", parameters = {
            @Parameter(name = "sequence_name", value = "audit_entry_ids"),
            @Parameter(name = "initial_value", value = "100"),
            @Parameter(name = "increment_size", value = "10")})
    private Long id;

    private String action;
}
