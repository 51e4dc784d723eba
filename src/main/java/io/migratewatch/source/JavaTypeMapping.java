package io.migratewatch.source;

import io.migratewatch.schema.ColumnType;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Java attribute type → PostgreSQL column type, following docs/mapping.md's "Basic types" table for the
 * chosen Hibernate version. Returns empty when the type is not a basic type we know: the caller
 * reports that instead of guessing. Enums are handled by the caller (they need check constraints).
 */
final class JavaTypeMapping {

    /** What the annotations on the attribute say about its type. Zero means "not given". */
    record Hints(boolean lob, String temporal, int length, int precision, int scale) {
        static final Hints NONE = new Hints(false, null, 0, 0, 0);
    }

    private static final Map<String, String> FIXED = Map.ofEntries(
            Map.entry("int", "integer"), Map.entry("java.lang.Integer", "integer"),
            Map.entry("long", "bigint"), Map.entry("java.lang.Long", "bigint"),
            Map.entry("short", "smallint"), Map.entry("java.lang.Short", "smallint"),
            Map.entry("byte", "smallint"), Map.entry("java.lang.Byte", "smallint"),
            Map.entry("boolean", "boolean"), Map.entry("java.lang.Boolean", "boolean"),
            Map.entry("double", "double precision"), Map.entry("java.lang.Double", "double precision"),
            Map.entry("float", "real"), Map.entry("java.lang.Float", "real"),
            Map.entry("java.time.LocalDate", "date"),
            Map.entry("java.time.LocalDateTime", "timestamp(6)"),
            Map.entry("java.time.OffsetDateTime", "timestamp(6) with time zone"),
            Map.entry("java.time.ZonedDateTime", "timestamp(6) with time zone"),
            Map.entry("java.time.Instant", "timestamp(6) with time zone"),
            Map.entry("java.util.UUID", "uuid"),
            Map.entry("java.time.Duration", "numeric(21,0)"),
            Map.entry("java.time.Year", "integer"),
            Map.entry("java.time.YearMonth", "bytea"),
            Map.entry("java.time.MonthDay", "bytea"),
            Map.entry("java.time.ZoneId", "varchar(255)"),
            // a ZoneOffset prints as at most "+18:00"
            Map.entry("java.time.ZoneOffset", "varchar(6)"),
            Map.entry("java.util.Locale", "varchar(255)"),
            Map.entry("java.util.TimeZone", "varchar(255)"),
            Map.entry("java.net.URL", "varchar(255)"),
            Map.entry("java.util.Currency", "varchar(3)"),
            Map.entry("java.sql.Date", "date"),
            Map.entry("java.sql.Timestamp", "timestamp(6)"),
            Map.entry("java.lang.Class", "varchar(255)"),
            Map.entry("java.net.InetAddress", "inet"),
            Map.entry("java.sql.Blob", "oid"), Map.entry("java.sql.Clob", "oid"), Map.entry("java.sql.NClob", "oid"),
            // no basic type of their own: Hibernate stores any Serializable as bytes
            Map.entry("java.io.Serializable", "bytea"), Map.entry("java.net.URI", "bytea"),
            Map.entry("java.util.ArrayList", "bytea"), Map.entry("java.util.HashSet", "bytea"),
            Map.entry("java.util.LinkedHashSet", "bytea"));

    private static final Set<String> TEXT = Set.of("java.lang.String");
    private static final Set<String> LOBS = Set.of("java.sql.Blob", "java.sql.Clob", "java.sql.NClob", "java.io.Serializable");
    private static final Set<String> TIME = Set.of("java.time.LocalTime", "java.time.OffsetTime", "java.sql.Time");
    private static final Set<String> LEGACY_DATES = Set.of("java.util.Date", "java.util.Calendar");
    private static final Set<String> COLLECTIONS = Set.of("java.util.List", "java.util.Set", "java.util.SortedSet",
            "java.util.Collection");

    private final MappingOptions options;

    JavaTypeMapping(MappingOptions options) {
        this.options = options;
    }

    Optional<ColumnType> map(JavaType type, Hints hints) {
        return mapped(type, hints).map(this::preferredArray);
    }

    /** A basic array or collection as a PostgreSQL array of its element's type, whatever the application prefers. */
    Optional<ColumnType> nativeArray(JavaType type, Hints hints) {
        return mapped(type, hints).filter(JavaTypeMapping::isArray);
    }

    /** hibernate.type.preferred_array_jdbc_type: one value of that type (jsonb, xml, bytea) instead of an array. */
    ColumnType preferredArray(ColumnType type) {
        String preferred = options.hibernate().preferredArray();
        return preferred != null && isArray(type) ? ColumnType.of(preferred) : type;
    }

    private static boolean isArray(ColumnType type) {
        return type.sql().endsWith("[]");
    }

    private Optional<ColumnType> mapped(JavaType type, Hints hints) {
        if (type instanceof JavaType.Named n && n.watched() != null && isSerializable(n.watched())) {
            return Optional.of(ColumnType.of(hints.lob() ? "oid" : "bytea"));
        }
        if (type instanceof JavaType.Array a) {
            return array(a.component(), hints);
        }
        String name = typeName(type);
        if (name == null) {
            return Optional.empty();
        }
        if (type instanceof JavaType.Named n && COLLECTIONS.contains(name)) {
            // a basic collection (Hibernate 6+): stored as an array of the element type
            return n.arguments().size() == 1 ? element(n.arguments().get(0), hints) : Optional.empty();
        }
        if (hints.lob()) {
            return TEXT.contains(name) || LOBS.contains(name) ? Optional.of(ColumnType.of("oid")) : Optional.empty();
        }
        return scalar(name, hints);
    }

    private Optional<ColumnType> scalar(String name, Hints hints) {
        if (TEXT.contains(name)) {
            return Optional.of(ColumnType.varchar(hints.length() > 0 ? hints.length() : 255));
        }
        if (TIME.contains(name)) {
            return Optional.of(time());
        }
        if (name.equals("char") || name.equals("java.lang.Character")) {
            // one character, or as many as @Column(length) says (Hibernate pads them to a char(n))
            return Optional.of(ColumnType.of("char(" + (hints.length() > 0 ? hints.length() : 1) + ")"));
        }
        if (LEGACY_DATES.contains(name)) {
            String temporal = hints.temporal() == null ? "TIMESTAMP" : hints.temporal();
            return Optional.of(switch (temporal) {
                case "DATE" -> ColumnType.of("date");
                case "TIME" -> time();
                default -> ColumnType.of("timestamp(6)");
            });
        }
        if (name.equals("java.math.BigDecimal")) {
            if (hints.precision() > 0) {
                return Optional.of(ColumnType.numeric(hints.precision(), Math.max(hints.scale(), 0)));
            }
            return Optional.of(ColumnType.numeric(38, hints.scale() > 0 ? hints.scale() : 2));
        }
        if (name.equals("java.math.BigInteger")) {
            return Optional.of(ColumnType.numeric(hints.precision() > 0 ? hints.precision() : 38, 0));
        }
        String preferred = preferred(name);
        if (preferred != null) {
            return Optional.of(ColumnType.of(preferred));
        }
        String fixed = FIXED.get(name);
        return fixed == null ? Optional.empty() : Optional.of(ColumnType.of(fixed));
    }

    /** The column the application's settings choose instead of Hibernate's default (docs/mapping.md), or null. */
    private String preferred(String name) {
        HibernateSettings h = options.hibernate();
        return switch (name) {
            case "java.time.Instant" -> h.preferredInstant();
            case "java.util.UUID" -> h.preferredUuid();
            case "boolean", "java.lang.Boolean" -> h.booleanColumn();
            case "java.time.Duration" -> h.preferredDuration();
            // NORMALIZE converts to the JVM's zone and stores a plain timestamp
            case "java.time.OffsetDateTime", "java.time.ZonedDateTime" ->
                    h.normalizeTimeZones() ? "timestamp(6)" : null;
            default -> null;
        };
    }

    private Optional<ColumnType> array(JavaType component, Hints hints) {
        String name = typeName(component);
        if ("byte".equals(name) || "java.lang.Byte".equals(name)) {
            return Optional.of(ColumnType.of(hints.lob() ? "oid" : "bytea"));
        }
        if ("char".equals(name) || "java.lang.Character".equals(name)) {
            // Hibernate stores char[] as text, not as an array
            return Optional.of(hints.lob() ? ColumnType.of("oid") : ColumnType.varchar(hints.length() > 0 ? hints.length() : 255));
        }
        if (hints.lob()) {
            return Optional.empty();
        }
        return element(component, hints);
    }

    private Optional<ColumnType> element(JavaType element, Hints hints) {
        String name = typeName(element);
        if (name == null || element instanceof JavaType.Array || COLLECTIONS.contains(name)) {
            return Optional.empty();
        }
        return scalar(name, hints).map(t -> ColumnType.of(t.sql() + "[]"));
    }

    private ColumnType time() {
        return ColumnType.of(options.hibernate7() ? "time(0)" : "time(6)");
    }

    private static String typeName(JavaType type) {
        if (type instanceof JavaType.Primitive p) {
            return p.name();
        }
        if (type instanceof JavaType.Named n && n.watched() == null) {
            return n.qualifiedName();
        }
        return null;
    }

    /**
     * A watched class that is neither an entity, an embeddable nor an enum but implements Serializable:
     * Hibernate stores it serialized, as bytes.
     */
    private static boolean isSerializable(TypeInfo type) {
        return type.isClass() && !type.has(Family.JPA, "Entity") && !type.has(Family.JPA, "Embeddable")
                && type.superInterfaces().stream().anyMatch(i -> i.getNameWithScope().equals("Serializable")
                || i.getNameWithScope().equals("java.io.Serializable"));
    }

    /** Whether Hibernate can map this type at all without help — used to phrase errors. */
    static boolean isCollection(JavaType type) {
        return type instanceof JavaType.Named n && (COLLECTIONS.contains(n.qualifiedName())
                || List.of("java.util.Map", "java.util.ArrayList", "java.util.HashSet", "java.util.LinkedHashSet",
                "java.util.HashMap").contains(n.qualifiedName()));
    }
}
