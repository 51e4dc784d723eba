package ledger.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcType;
import org.hibernate.dialect.type.PostgreSQLJsonPGObjectJsonType;

/**
 * JSON text bound through one of Hibernate's PostgreSQL JDBC types, under its Hibernate 7 name (package
 * org.hibernate.dialect.type); src/hibernate6 has this entity with the Hibernate 6.6 name.
 */
@Entity
public class RawPayload {

    @Id
    @GeneratedValue
    private Long id;

    @JdbcType(PostgreSQLJsonPGObjectJsonType.class)
    private String rawJson;
}
