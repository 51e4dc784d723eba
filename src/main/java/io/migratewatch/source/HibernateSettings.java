package io.migratewatch.source;

/**
 * The settings of the application's own Hibernate configuration that change the schema Hibernate creates
 * (docs/mapping.md, "The application's Hibernate settings"). Every component is null when the application does not
 * say it, so that {@code watcher.conf} and Hibernate's defaults fill in.
 *
 * @param snakeCase          physical naming: true for camelCase → snake_case (Spring's), false for names as written
 * @param springJoinTables   implicit naming: true for Spring's join-table names, false for JPA's
 * @param preferredInstant   the column type of an {@code Instant} ({@code hibernate.type.preferred_instant_jdbc_type})
 * @param preferredUuid      ... of a {@code UUID}
 * @param preferredBoolean   the JDBC type of a {@code boolean}/{@code Boolean} ({@code BOOLEAN}, {@code INTEGER},
 *                           {@code SMALLINT}, {@code TINYINT}, {@code CHAR}), not a column type: see {@link #booleanColumn()}
 * @param preferredDuration  ... of a {@code Duration}
 * @param preferredArray     the column type of a basic array or collection other than a PostgreSQL array
 *                           ({@code hibernate.type.preferred_array_jdbc_type} JSON: {@code jsonb}, XML: {@code xml},
 *                           VARBINARY: {@code bytea}); null for Hibernate's default, an array of the element's type
 * @param timeZoneStorage    {@code hibernate.timezone.default_storage} as it changes the DDL: {@code NORMALIZE}
 *                           ({@code OffsetDateTime} and {@code ZonedDateTime} become {@code timestamp(6)}, converted to
 *                           the JVM's zone) or {@code COLUMN} (also {@code AUTO} on PostgreSQL: an integer
 *                           {@code <column>_tz} beside each {@code OffsetDateTime}, {@code ZonedDateTime} and
 *                           {@code OffsetTime}); null for Hibernate's default
 * @param idStructureNaming  {@code hibernate.id.db_structure_naming_strategy}: {@code standard}, {@code legacy} or
 *                           {@code single}
 * @param globallyQuoted     {@code hibernate.globally_quoted_identifiers}: names keep their case
 * @param defaultSchema      {@code hibernate.default_schema}
 * @param validationDdl      false when Bean Validation stays out of the DDL ({@code jakarta.persistence.validation.mode}
 *                           without {@code ddl} or {@code auto}, or {@code hibernate.validator.apply_to_ddl=false})
 * @param envers             Hibernate Envers' names of audit tables and their columns
 */
public record HibernateSettings(Boolean snakeCase, Boolean springJoinTables, String preferredInstant, String preferredUuid,
                                String preferredBoolean, String preferredDuration, String preferredArray, String timeZoneStorage,
                                String idStructureNaming, Boolean globallyQuoted, String defaultSchema, Boolean validationDdl,
                                EnversSettings envers) {

    /** An application that says nothing. */
    public static final HibernateSettings NONE = new HibernateSettings(null, null, null, null, null, null, null, null, null, null, null, null,
            EnversSettings.NONE);

    public HibernateSettings {
        java.util.Objects.requireNonNull(envers, "envers");
    }

    /** Without the naming: {@code models.naming} in watcher.conf wins over the application's strategies. */
    public HibernateSettings withoutNaming() {
        return new HibernateSettings(null, null, preferredInstant, preferredUuid, preferredBoolean, preferredDuration, preferredArray,
                timeZoneStorage, idStructureNaming, globallyQuoted, defaultSchema, validationDdl, envers);
    }

    /** The naming the application's strategies amount to, when they are one of the two {@link Naming}s. */
    public Naming naming() {
        if (snakeCase == null || springJoinTables == null || snakeCase != springJoinTables) {
            return null;
        }
        return snakeCase ? Naming.SPRING : Naming.HIBERNATE;
    }

    /** The column type of a boolean under {@link #preferredBoolean}, or null for Hibernate's default. */
    String booleanColumn() {
        if (preferredBoolean == null) {
            return null;
        }
        return switch (preferredBoolean) {
            case "INTEGER" -> "integer";
            // PostgreSQL has no tinyint
            case "SMALLINT", "TINYINT" -> "smallint";
            case "CHAR" -> "char(1)";
            default -> "boolean";
        };
    }

    /**
     * The values Hibernate 7 allows in a boolean column of {@link #preferredBoolean}'s type by a check ({@code F}/{@code T}
     * for CHAR, 0/1 for TINYINT), or an empty list; Hibernate 6.6 adds no such check.
     */
    java.util.List<String> booleanValues() {
        if (preferredBoolean == null) {
            return java.util.List.of();
        }
        return switch (preferredBoolean) {
            case "CHAR" -> java.util.List.of("F", "T");
            case "TINYINT" -> java.util.List.of("0", "1");
            default -> java.util.List.of();
        };
    }

    boolean normalizeTimeZones() {
        return "NORMALIZE".equals(timeZoneStorage);
    }

    /** An integer {@code <column>_tz} beside each zoned date/time column. */
    boolean timeZoneColumns() {
        return "COLUMN".equals(timeZoneStorage);
    }

    /** Whether Bean Validation's constraints reach the DDL (they do unless the application turns that off). */
    boolean beanValidationDdl() {
        return !Boolean.FALSE.equals(validationDdl);
    }

    boolean legacyIds() {
        return "legacy".equals(idStructureNaming);
    }

    boolean singleIdSequence() {
        return "single".equals(idStructureNaming);
    }

    boolean quoted() {
        return Boolean.TRUE.equals(globallyQuoted);
    }
}
