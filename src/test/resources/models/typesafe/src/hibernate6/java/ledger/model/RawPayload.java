package ledger.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcType;
import org.hibernate.dialect.PostgreSQLJsonPGObjectJsonType;

/**
 * JSON text bound through one of Hibernate's PostgreSQL JDBC types, under its Hibernate 6.6 name (package
 * org.hibernate.dialect; Hibernate 7 moved it to org.hibernate.dialect.type).
 */
@Entity
public class RawPayload {

    @Id
    @GeneratedValue
    private Long id;

    @JdbcType(PostgreSQLJsonPGObjectJsonType.class)
    private String rawJson;
}
