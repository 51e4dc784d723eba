package io.migratewatch.source;

import java.util.Objects;

/**
 * The settings that select mapping rules: the naming strategy, the Hibernate major version (6 or 7), since a few
 * defaults differ between them (see docs/mapping.md), and the application's own Hibernate settings that change the
 * schema ({@link HibernateSettings#NONE} when there are none), and the one schema migrate-watch manages
 * ({@code database.schema}): a table Hibernate puts in another schema is not part of the model.
 */
public record MappingOptions(Naming naming, int hibernateVersion, HibernateSettings hibernate, String schema) {

    public static final MappingOptions DEFAULT = new MappingOptions(Naming.SPRING, 7);

    public MappingOptions {
        Objects.requireNonNull(naming, "naming");
        Objects.requireNonNull(hibernate, "hibernate");
        Objects.requireNonNull(schema, "schema");
        if (hibernateVersion != 6 && hibernateVersion != 7) {
            throw new IllegalArgumentException("models.hibernate-version must be 6 or 7, not " + hibernateVersion);
        }
    }

    /** Without application settings: {@code models.naming} and Hibernate's defaults. */
    public MappingOptions(Naming naming, int hibernateVersion) {
        this(naming, hibernateVersion, HibernateSettings.NONE);
    }

    /** In the schema {@code public}, PostgreSQL's default. */
    public MappingOptions(Naming naming, int hibernateVersion, HibernateSettings hibernate) {
        this(naming, hibernateVersion, hibernate, "public");
    }

    boolean hibernate7() {
        return hibernateVersion >= 7;
    }

    /** camelCase → snake_case: the application's physical strategy when it names one, else the naming's. */
    boolean snakeCase() {
        return hibernate.snakeCase() != null ? hibernate.snakeCase() : naming == Naming.SPRING;
    }

    /** Spring's join-table names: the application's implicit strategy when it names one, else the naming's. */
    boolean springJoinTables() {
        return hibernate.springJoinTables() != null ? hibernate.springJoinTables() : naming == Naming.SPRING;
    }

    /**
     * The schema {@code org.hibernate.envers.default_schema} puts the audit tables and Envers' revision table in, when
     * it is not the managed one (they are then not part of the model); else null.
     */
    public String otherAuditSchema() {
        String written = hibernate.envers().schema();
        if (written == null) {
            return null;
        }
        String schemaName = new NamingStrategy(this).physical(written).emitted();
        return schemaName.equals(schema) ? null : schemaName;
    }
}
