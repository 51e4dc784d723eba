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
 * @param preferredBoolean   ... of a {@code boolean}/{@code Boolean}
 * @param preferredDuration  ... of a {@code Duration}
 * @param normalizeTimeZones {@code hibernate.timezone.default_storage=NORMALIZE}: {@code OffsetDateTime} and
 *                           {@code ZonedDateTime} become {@code timestamp(6)} (converted to the JVM's zone)
 * @param idStructureNaming  {@code hibernate.id.db_structure_naming_strategy}: {@code standard}, {@code legacy} or
 *                           {@code single}
 * @param globallyQuoted     {@code hibernate.globally_quoted_identifiers}: names keep their case
 * @param defaultSchema      {@code hibernate.default_schema}
 */
public record HibernateSettings(Boolean snakeCase, Boolean springJoinTables, String preferredInstant, String preferredUuid,
                                String preferredBoolean, String preferredDuration, Boolean normalizeTimeZones,
                                String idStructureNaming, Boolean globallyQuoted, String defaultSchema) {

    /** An application that says nothing. */
    public static final HibernateSettings NONE = new HibernateSettings(null, null, null, null, null, null, null, null, null, null);

    /** Without the naming: {@code models.naming} in watcher.conf wins over the application's strategies. */
    public HibernateSettings withoutNaming() {
        return new HibernateSettings(null, null, preferredInstant, preferredUuid, preferredBoolean, preferredDuration,
                normalizeTimeZones, idStructureNaming, globallyQuoted, defaultSchema);
    }

    /** The naming the application's strategies amount to, when they are one of the two {@link Naming}s. */
    public Naming naming() {
        if (snakeCase == null || springJoinTables == null || snakeCase != springJoinTables) {
            return null;
        }
        return snakeCase ? Naming.SPRING : Naming.HIBERNATE;
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
