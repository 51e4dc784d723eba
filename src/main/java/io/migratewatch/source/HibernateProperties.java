package io.migratewatch.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The application's settings (flat keys, after profiles) → the {@link HibernateSettings} that change the schema,
 * what was taken, and a warning for each setting that changes the DDL in a way migrate-watch does not follow yet.
 * Spring Boot's keys ({@code spring.jpa.hibernate.naming.*}, {@code spring.jpa.properties.*}), Quarkus's
 * ({@code quarkus.hibernate-orm.*}) and plain Hibernate/JPA properties (persistence.xml) all become Hibernate's own
 * keys first. What each value does to the DDL was checked against Hibernate 7.4 (docs/mapping.md).
 */
final class HibernateProperties {

    /** Whose defaults apply to what the application does not say. */
    enum Framework {
        SPRING("Spring Boot's default"), QUARKUS("Quarkus's default"), JPA("Hibernate's default");

        final String defaultNote;

        Framework(String defaultNote) {
            this.defaultNote = defaultNote;
        }
    }

    private static final String SPRING_PROPERTIES = "spring.jpa.properties.";
    private static final String QUARKUS = "quarkus.hibernate-orm.";
    private static final String QUARKUS_ENVERS = "quarkus.hibernate-envers.";
    private static final String ENVERS = "org.hibernate.envers.";

    private final Map<String, SettingsFileReader.Entry> hibernate = new LinkedHashMap<>();
    private final List<String> taken = new ArrayList<>();
    private final List<SourceProblem> warnings = new ArrayList<>();

    private HibernateProperties() {
    }

    /** @param settings every setting of the application's files, later files' values already winning */
    static ApplicationSettings interpret(Framework framework, Map<String, SettingsFileReader.Entry> settings, List<Path> files) {
        HibernateProperties p = new HibernateProperties();
        p.collect(framework, settings);
        return new ApplicationSettings(p.resolve(framework), files, p.taken, p.warnings);
    }

    /** Everything as Hibernate's own keys, the framework's spelling winning over a passed-through property. */
    private void collect(Framework framework, Map<String, SettingsFileReader.Entry> settings) {
        settings.forEach((key, value) -> {
            if (key.startsWith("hibernate.") || key.startsWith("jakarta.persistence.") || key.startsWith("javax.persistence.")
                    || key.startsWith(ENVERS)) {
                hibernate.putIfAbsent(key, value);
            }
        });
        settings.forEach((key, value) -> {
            if (framework == Framework.SPRING && key.startsWith(SPRING_PROPERTIES)) {
                hibernate.put(key.substring(SPRING_PROPERTIES.length()), value);
            } else if (framework == Framework.QUARKUS && key.startsWith(QUARKUS + "unsupported-properties.")) {
                String k = key.substring((QUARKUS + "unsupported-properties.").length());
                hibernate.put(k.replace("\"", ""), value);
            }
        });
        settings.forEach((key, value) -> {
            String k = key.toLowerCase(Locale.ROOT).replace('_', '-');
            if (framework == Framework.SPRING) {
                // Spring Boot sets these after spring.jpa.properties, so they win (HibernateProperties.applyNamingStrategy)
                if (k.equals("spring.jpa.hibernate.naming.physical-strategy") || k.equals("spring.jpa.hibernate.naming.physicalstrategy")) {
                    hibernate.put("hibernate.physical_naming_strategy", value);
                } else if (k.equals("spring.jpa.hibernate.naming.implicit-strategy") || k.equals("spring.jpa.hibernate.naming.implicitstrategy")) {
                    hibernate.put("hibernate.implicit_naming_strategy", value);
                }
            } else if (framework == Framework.QUARKUS && k.startsWith(QUARKUS)) {
                quarkus(k.substring(QUARKUS.length()), value);
            } else if (framework == Framework.QUARKUS && k.startsWith(QUARKUS_ENVERS)) {
                // quarkus.hibernate-envers.audit-table-suffix → org.hibernate.envers.audit_table_suffix
                hibernate.put(ENVERS + k.substring(QUARKUS_ENVERS.length()).replace('-', '_'), value);
            }
        });
    }

    private void quarkus(String key, SettingsFileReader.Entry value) {
        switch (key) {
            case "physical-naming-strategy" -> hibernate.put("hibernate.physical_naming_strategy", value);
            case "implicit-naming-strategy" -> hibernate.put("hibernate.implicit_naming_strategy", value);
            case "database.default-schema" -> hibernate.put("hibernate.default_schema", value);
            case "mapping.timezone.default-storage" -> hibernate.put("hibernate.timezone.default_storage",
                    new SettingsFileReader.Entry(value.value().replace('-', '_'), value.file(), value.line()));
            case "quote-identifiers.strategy" -> hibernate.put("hibernate.globally_quoted_identifiers", new SettingsFileReader.Entry(
                    String.valueOf(value.value().toLowerCase(Locale.ROOT).startsWith("all")), value.file(), value.line()));
            case "validation.enabled" -> {
                if (value.value().equalsIgnoreCase("false")) {
                    hibernate.put("jakarta.persistence.validation.mode", new SettingsFileReader.Entry("none", value.file(), value.line()));
                }
            }
            default -> {
            }
        }
    }

    private HibernateSettings resolve(Framework framework) {
        Boolean snakeCase = physical(framework);
        Boolean springJoins = implicit(framework);
        describeNaming(framework, snakeCase, springJoins);
        String instant = preferred("preferred_instant_jdbc_type", Map.of("TIMESTAMP", "timestamp(6)",
                "TIMESTAMP_UTC", "timestamp(6) with time zone", "TIMESTAMP_WITH_TIMEZONE", "timestamp(6) with time zone"), "");
        String uuid = preferred("preferred_uuid_jdbc_type", Map.of("UUID", "uuid", "CHAR", "char(36)", "VARCHAR", "varchar(36)",
                "BINARY", "bytea"), "");
        String bool = preferred("preferred_boolean_jdbc_type", Map.of("BOOLEAN", "BOOLEAN", "BIT", "BOOLEAN",
                "INTEGER", "INTEGER", "SMALLINT", "SMALLINT", "TINYINT", "TINYINT", "CHAR", "CHAR"), "");
        // ARRAY is Hibernate's default; the others store the whole array in one value of that type
        String array = preferred("preferred_array_jdbc_type", Map.of("ARRAY", "", "JSON", "jsonb", "JSON_ARRAY", "jsonb",
                "SQLXML", "xml", "XML_ARRAY", "xml", "VARBINARY", "bytea"), " (arrays and basic collections are PostgreSQL"
                + " arrays)");
        String duration = preferred("preferred_duration_jdbc_type", Map.of("NUMERIC", "numeric(21,0)", "BIGINT", "bigint",
                "INTERVAL_SECOND", "interval second(6)"), "");
        return new HibernateSettings(snakeCase, springJoins, instant, uuid, bool, duration, array == null || array.isEmpty() ? null : array,
                timeZoneStorage(), idStructureNaming(), quoting(), defaultSchema(), validation(), envers());
    }

    /** true: camelCase → snake_case; false: as written; the framework's default when the application names none. */
    private Boolean physical(Framework framework) {
        SettingsFileReader.Entry e = hibernate.get("hibernate.physical_naming_strategy");
        boolean fallback = framework == Framework.SPRING;
        if (e == null || e.value().isBlank()) {
            return fallback;
        }
        String simple = simpleName(e.value());
        if (simple.equals("CamelCaseToUnderscoresNamingStrategy") || simple.equals("SpringPhysicalNamingStrategy")) {
            return true;
        }
        if (simple.equals("PhysicalNamingStrategyStandardImpl")) {
            return false;
        }
        warn(e, "the physical naming strategy " + e.value() + " is not one migrate-watch knows: names follow "
                + (fallback ? "Spring's (camelCase → snake_case)" : "Hibernate's standard strategy (as written)")
                + " instead; set models.naming in watcher.conf to choose");
        return fallback;
    }

    /** true: Spring's join-table names; false: JPA's. */
    private Boolean implicit(Framework framework) {
        SettingsFileReader.Entry e = hibernate.get("hibernate.implicit_naming_strategy");
        boolean fallback = framework == Framework.SPRING;
        if (e == null || e.value().isBlank()) {
            return fallback;
        }
        String simple = simpleName(e.value());
        if (simple.equals("SpringImplicitNamingStrategy")) {
            return true;
        }
        if (simple.equals("ImplicitNamingStrategyJpaCompliantImpl") || simple.equals("default") || simple.equals("jpa")) {
            return false;
        }
        warn(e, "the implicit naming strategy " + e.value() + " is not supported: implicit names follow "
                + (fallback ? "SpringImplicitNamingStrategy" : "ImplicitNamingStrategyJpaCompliantImpl") + " instead");
        return fallback;
    }

    private void describeNaming(Framework framework, boolean snakeCase, boolean springJoins) {
        boolean said = hibernate.containsKey("hibernate.physical_naming_strategy") || hibernate.containsKey("hibernate.implicit_naming_strategy");
        String note = said ? "" : " (" + framework.defaultNote + ")";
        if (snakeCase == springJoins) {
            taken.add("naming " + (snakeCase ? "spring" : "hibernate") + note);
        } else {
            // a simple mix: the physical rule and the join-table rule are independent in NamingStrategy
            taken.add("naming " + (snakeCase ? "camelCase → snake_case" : "as written") + " with "
                    + (springJoins ? "Spring's" : "JPA's") + " join-table names" + note);
        }
    }

    /** A preferred JDBC type → the column type Hibernate 7.4 gives it on PostgreSQL, or null (Hibernate's default). */
    private String preferred(String name, Map<String, String> columns, String otherwise) {
        SettingsFileReader.Entry e = hibernate.get("hibernate.type." + name);
        if (e == null || e.value().isBlank()) {
            return null;
        }
        String type = jdbcTypeName(e.value());
        String column = columns.get(type);
        if (column == null) {
            warn(e, "hibernate.type." + name + "=" + e.value() + " is not supported yet: Hibernate's default type is used"
                    + " instead" + otherwise);
            return null;
        }
        taken.add(name + " " + type);
        return column;
    }

    /** NORMALIZE, COLUMN or null (Hibernate's default DDL), as {@link HibernateSettings#timeZoneStorage()}. */
    private String timeZoneStorage() {
        SettingsFileReader.Entry e = hibernate.get("hibernate.timezone.default_storage");
        if (e == null || e.value().isBlank()) {
            return null;
        }
        String v = e.value().strip().toUpperCase(Locale.ROOT).replace('-', '_');
        switch (v) {
            case "NORMALIZE", "COLUMN":
                taken.add("timezone.default_storage " + v);
                return v;
            case "AUTO":
                // PostgreSQL cannot store an offset with a timestamp, so AUTO means COLUMN there
                taken.add("timezone.default_storage AUTO (a column, on PostgreSQL)");
                return "COLUMN";
            case "NORMALIZE_UTC", "DEFAULT":
                // the same DDL as Hibernate's default on PostgreSQL: timestamp(6) with time zone
                taken.add("timezone.default_storage " + v);
                return null;
            case "NATIVE":
                warn(e, "hibernate.timezone.default_storage=NATIVE: Hibernate refuses it with PostgreSQL (\"not supported with"
                        + " the configured dialect\"); migrate-watch maps time zones as by default");
                return null;
            default:
                warn(e, "hibernate.timezone.default_storage=" + e.value() + " is not a time zone storage type; it is ignored");
                return null;
        }
    }

    private String idStructureNaming() {
        SettingsFileReader.Entry e = hibernate.get("hibernate.id.db_structure_naming_strategy");
        if (e == null || e.value().isBlank()) {
            return null;
        }
        String simple = simpleName(e.value()).toLowerCase(Locale.ROOT);
        String v = switch (simple) {
            case "standard", "standardnamingstrategy" -> "standard";
            case "legacy", "legacynamingstrategy" -> "legacy";
            case "single", "singlenamingstrategy" -> "single";
            default -> null;
        };
        if (v == null) {
            warn(e, "hibernate.id.db_structure_naming_strategy=" + e.value() + " is not supported: sequences are named as"
                    + " with standard");
            return null;
        }
        taken.add("id.db_structure_naming_strategy " + v);
        return v;
    }

    private Boolean quoting() {
        SettingsFileReader.Entry e = hibernate.get("hibernate.globally_quoted_identifiers");
        if (e == null || !e.value().equalsIgnoreCase("true")) {
            return null;
        }
        taken.add("globally_quoted_identifiers");
        warn(e, "hibernate.globally_quoted_identifiers=true: tables, columns and sequences keep the case of their names; "
                + "Hibernate also quotes the foreign key and index names it generates (FK…, IDX…) in upper case, which "
                + "migrate-watch does not follow yet (it writes them in lower case)");
        return true;
    }

    /**
     * False when Bean Validation stays out of Hibernate's DDL: a validation mode without {@code ddl} or {@code auto}
     * ({@code none}, {@code callback}), or {@code hibernate.validator.apply_to_ddl=false}; null when nothing says so.
     */
    private Boolean validation() {
        for (String key : List.of("jakarta.persistence.validation.mode", "javax.persistence.validation.mode")) {
            SettingsFileReader.Entry e = hibernate.get(key);
            if (e == null || e.value().isBlank()) {
                continue;
            }
            List<String> modes = List.of(e.value().toLowerCase(Locale.ROOT).split("\\s*,\\s*")).stream().map(String::strip).toList();
            if (!modes.contains("ddl") && !modes.contains("auto")) {
                taken.add(key.substring(0, key.indexOf('.')) + ".persistence.validation.mode " + e.value().strip()
                        + " (Bean Validation stays out of the DDL)");
                return false;
            }
            break;
        }
        SettingsFileReader.Entry ddl = hibernate.get("hibernate.validator.apply_to_ddl");
        if (ddl != null && ddl.value().strip().equalsIgnoreCase("false")) {
            taken.add("validator.apply_to_ddl false");
            return false;
        }
        return null;
    }

    /** Envers' names of the audit tables and their columns, its audit strategy and its schema. */
    private EnversSettings envers() {
        // default_catalog changes nothing on PostgreSQL, whose tables are named by schema alone
        SettingsFileReader.Entry ordinal = hibernate.get(ENVERS + "embeddable_set_ordinal_field_name");
        if (ordinal != null && !ordinal.value().isBlank()) {
            warn(ordinal, ENVERS + "embeddable_set_ordinal_field_name=" + ordinal.value() + " is not supported yet: audit"
                    + " tables are mapped as without it");
        }
        return new EnversSettings(enversName("audit_table_prefix"), enversName("audit_table_suffix"),
                enversName("revision_field_name"), enversName("revision_type_field_name"), validity(), enversName("default_schema"));
    }

    /**
     * The validity strategy's columns, or null for the default strategy. Envers accepts each strategy by its short
     * name, its class's simple name, or the class (in {@code strategy} or {@code strategy.internal}).
     */
    private EnversValidity validity() {
        SettingsFileReader.Entry e = hibernate.get(ENVERS + "audit_strategy");
        if (e == null || e.value().isBlank()) {
            return null;
        }
        String simple = simpleName(e.value());
        if (simple.equals("default") || simple.equals("DefaultAuditStrategy")) {
            return null;
        }
        if (!simple.equals("validity") && !simple.equals("ValidityAuditStrategy")) {
            warn(e, ENVERS + "audit_strategy=" + e.value() + " is not a strategy migrate-watch knows (default, validity):"
                    + " audit tables are mapped as with the default strategy");
            return null;
        }
        taken.add("envers.audit_strategy validity");
        String end = Objects.requireNonNullElse(enversName("audit_strategy_validity_end_rev_field_name"), "REVEND");
        if (!enversFlag("audit_strategy_validity_store_revend_timestamp", false)) {
            return new EnversValidity(end, null, false, false);
        }
        String timestamp = Objects.requireNonNullElse(enversName("audit_strategy_validity_revend_timestamp_field_name"), "REVEND_TSTMP");
        return new EnversValidity(end, timestamp, enversFlag("audit_strategy_validity_revend_timestamp_numeric", false),
                !enversFlag("audit_strategy_validity_revend_timestamp_legacy_placement", true));
    }

    /** A boolean Envers setting: {@code true} in any case is true, any other value false, as Envers reads it. */
    private boolean enversFlag(String key, boolean fallback) {
        SettingsFileReader.Entry e = hibernate.get(ENVERS + key);
        if (e == null || e.value().isBlank()) {
            return fallback;
        }
        boolean value = Boolean.parseBoolean(e.value().strip());
        taken.add("envers." + key + " " + value);
        return value;
    }

    private String enversName(String key) {
        SettingsFileReader.Entry e = hibernate.get(ENVERS + key);
        if (e == null || e.value().isBlank()) {
            return null;
        }
        taken.add("envers." + key + " " + e.value().strip());
        return e.value().strip();
    }

    private String defaultSchema() {
        for (String unsupported : List.of("hibernate.default_catalog", "hibernate.type.prefer_native_enum_types")) {
            SettingsFileReader.Entry e = hibernate.get(unsupported);
            if (e != null && !e.value().isBlank() && !e.value().equalsIgnoreCase("false")) {
                warn(e, unsupported + "=" + e.value() + " is not supported yet: migrate-watch maps as without it");
            }
        }
        SettingsFileReader.Entry e = hibernate.get("hibernate.default_schema");
        if (e == null || e.value().isBlank()) {
            return null;
        }
        taken.add("default_schema " + e.value());
        return e.value().strip();
    }

    /** {@code 93}, {@code TIMESTAMP}, {@code SqlTypes.TIMESTAMP} → {@code TIMESTAMP}. */
    static String jdbcTypeName(String written) {
        String w = written.strip();
        w = w.substring(w.lastIndexOf('.') + 1);
        return JdbcTypeCodes.name(w).toUpperCase(Locale.ROOT);
    }

    private static String simpleName(String className) {
        String s = className.strip();
        return s.substring(Math.max(s.lastIndexOf('.'), s.lastIndexOf('$')) + 1);
    }

    private void warn(SettingsFileReader.Entry at, String message) {
        warnings.add(new SourceProblem(at.file(), at.line(), at.line() > 0 ? 1 : 0, message));
    }
}
