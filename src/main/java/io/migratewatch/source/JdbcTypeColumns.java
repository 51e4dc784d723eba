package io.migratewatch.source;

import io.migratewatch.schema.ColumnType;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A JDBC type code ({@code @JdbcTypeCode}, or the code of a {@code @JdbcType} class) on an attribute of a Java type
 * → the PostgreSQL column Hibernate 7 creates for it. Lengths and precisions not given by {@code @Column} are the
 * Java type's defaults in Hibernate (an Integer as varchar is varchar(11), a Long as numeric is numeric(19,0)).
 * Empty when the pair is not one we know: the caller reports it instead of guessing.
 */
final class JdbcTypeColumns {

    /** The column, and the values of Hibernate's check when the code makes one (a Boolean stored as char: 'F', 'T'). */
    record Mapped(ColumnType type, List<String> allowed) {
        static Mapped of(String sql) {
            return new Mapped(ColumnType.of(sql), List.of());
        }
    }

    private static final Map<String, String> FIXED = Map.ofEntries(
            Map.entry("BIT", "boolean"), Map.entry("BOOLEAN", "boolean"),
            Map.entry("TINYINT", "smallint"), Map.entry("SMALLINT", "smallint"), Map.entry("INTEGER", "integer"),
            Map.entry("BIGINT", "bigint"), Map.entry("REAL", "real"),
            Map.entry("LONG32VARCHAR", "text"), Map.entry("LONG32NVARCHAR", "text"),
            Map.entry("DATE", "date"), Map.entry("TIMESTAMP", "timestamp(6)"),
            Map.entry("TIMESTAMP_WITH_TIMEZONE", "timestamp(6) with time zone"),
            Map.entry("TIMESTAMP_UTC", "timestamp(6) with time zone"),
            Map.entry("BINARY", "bytea"), Map.entry("VARBINARY", "bytea"), Map.entry("LONGVARBINARY", "bytea"),
            Map.entry("LONG32VARBINARY", "bytea"),
            Map.entry("BLOB", "oid"), Map.entry("CLOB", "oid"), Map.entry("NCLOB", "oid"),
            Map.entry("MATERIALIZED_BLOB", "oid"), Map.entry("MATERIALIZED_CLOB", "oid"), Map.entry("MATERIALIZED_NCLOB", "oid"),
            Map.entry("SQLXML", "xml"), Map.entry("UUID", "uuid"), Map.entry("INET", "inet"),
            Map.entry("JSON", "jsonb"), Map.entry("JSON_ARRAY", "jsonb"), Map.entry("INTERVAL_SECOND", "interval second(6)"));

    /** Hibernate's default length of a Java type stored as text (the longest value it can print). */
    private static final Map<String, Integer> TEXT_LENGTH = Map.of(
            "java.lang.String", 255, "java.lang.Character", 1, "char", 1, "java.util.UUID", 36,
            "java.lang.Boolean", 1, "boolean", 1, "java.lang.Integer", 11, "int", 11, "java.lang.Long", 20, "long", 20);

    /**
     * Hibernate 7's default precision of a Java type stored as numeric, and whether it has a fraction (scale 2).
     * Hibernate 6.6 gives a double the 53 binary digits of its mantissa instead ({@link #HIBERNATE_6_DOUBLE}).
     */
    private static final Map<String, Integer> PRECISION = Map.of(
            "java.lang.Long", 19, "long", 19, "java.lang.Integer", 10, "int", 10, "java.lang.Short", 5, "short", 5,
            "java.lang.Double", 17, "double", 17, "java.math.BigDecimal", 38, "java.math.BigInteger", 38);
    private static final int HIBERNATE_6_DOUBLE = 53;
    private static final Set<String> DOUBLES = Set.of("java.lang.Double", "double");
    private static final Set<String> FRACTIONAL = Set.of("java.lang.Double", "double", "java.math.BigDecimal");
    private static final Set<String> BOOLEANS = Set.of("java.lang.Boolean", "boolean");
    private static final Set<String> SINGLE_PRECISION = Set.of("java.lang.Float", "float");

    private JdbcTypeColumns() {
    }

    /** @param code a SqlTypes name ({@link JdbcTypeCodes#name}) */
    static Optional<Mapped> map(String code, JavaType type, JavaTypeMapping.Hints hints, JavaTypeMapping types,
                                MappingOptions options) {
        String java = name(type);
        switch (code) {
            case "ARRAY":
                // a basic array or collection: the element type's column, as an array; Hibernate 6.6 applies
                // preferred_array_jdbc_type even here, Hibernate 7 keeps the array the annotation asks for
                return types.nativeArray(type, hints).map(t -> options.hibernate7() ? t : types.preferredArray(t))
                        .map(t -> new Mapped(t, List.of()));
            case "TIME":
                return Optional.of(Mapped.of(options.hibernate7() ? "time(0)" : "time(6)"));
            case "FLOAT":
            case "DOUBLE":
                return Optional.of(Mapped.of(SINGLE_PRECISION.contains(java) ? "real" : "double precision"));
            case "NUMERIC":
            case "DECIMAL":
                Integer precision = hints.precision() > 0 ? Integer.valueOf(hints.precision())
                        : !options.hibernate7() && DOUBLES.contains(java) ? Integer.valueOf(HIBERNATE_6_DOUBLE) : PRECISION.get(java);
                if (precision == null) {
                    return Optional.empty();
                }
                int scale = hints.precision() > 0 || hints.scale() > 0 ? hints.scale() : FRACTIONAL.contains(java) ? 2 : 0;
                return Optional.of(new Mapped(ColumnType.numeric(precision, scale), List.of()));
            case "CHAR":
            case "NCHAR":
            case "VARCHAR":
            case "NVARCHAR":
                Integer length = hints.length() > 0 ? Integer.valueOf(hints.length()) : TEXT_LENGTH.get(java);
                if (length == null) {
                    return Optional.empty();
                }
                boolean fixed = code.endsWith("CHAR") && !code.endsWith("VARCHAR");
                // a Boolean as a fixed char is Hibernate's 'T'/'F' with its check (Hibernate 7; 6.6 adds none); as
                // varchar it has none
                List<String> allowed = fixed && BOOLEANS.contains(java) && options.hibernate7() ? List.of("F", "T") : List.of();
                return Optional.of(new Mapped(ColumnType.of((fixed ? "char(" : "varchar(") + length + ")"), allowed));
            case "LONGVARCHAR":
            case "LONGNVARCHAR":
                // the dialect's long varchar, whatever length the attribute has
                return Optional.of(Mapped.of("varchar(32600)"));
            default:
                return Optional.ofNullable(FIXED.get(code)).map(Mapped::of);
        }
    }

    private static String name(JavaType type) {
        if (type instanceof JavaType.Primitive p) {
            return p.name();
        }
        return type instanceof JavaType.Named n ? n.qualifiedName() : "";
    }
}
