package io.migratewatch.source;

import java.util.Map;
import java.util.Optional;

/**
 * {@code @JdbcType(X.class)} with one of Hibernate's own JdbcType classes → the SqlTypes code it stands for, so
 * that {@link JdbcTypeColumns} gives its column. A class of the application's own is not known (its DDL type is
 * whatever its code says at run time): the caller asks for a {@code columnDefinition}.
 */
final class JdbcTypeClasses {

    private static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("BooleanJdbcType", "BOOLEAN"), Map.entry("BitJdbcType", "BIT"),
            Map.entry("TinyIntJdbcType", "TINYINT"), Map.entry("TinyIntAsSmallIntJdbcType", "SMALLINT"),
            Map.entry("SmallIntJdbcType", "SMALLINT"), Map.entry("IntegerJdbcType", "INTEGER"),
            Map.entry("BigIntJdbcType", "BIGINT"), Map.entry("FloatJdbcType", "FLOAT"), Map.entry("RealJdbcType", "REAL"),
            Map.entry("DoubleJdbcType", "DOUBLE"), Map.entry("NumericJdbcType", "NUMERIC"),
            Map.entry("DecimalJdbcType", "DECIMAL"), Map.entry("CharJdbcType", "CHAR"), Map.entry("NCharJdbcType", "NCHAR"),
            Map.entry("VarcharJdbcType", "VARCHAR"), Map.entry("NVarcharJdbcType", "NVARCHAR"),
            Map.entry("LongVarcharJdbcType", "LONGVARCHAR"), Map.entry("LongNVarcharJdbcType", "LONGNVARCHAR"),
            Map.entry("DateJdbcType", "DATE"), Map.entry("TimeJdbcType", "TIME"), Map.entry("TimestampJdbcType", "TIMESTAMP"),
            Map.entry("TimestampWithTimeZoneJdbcType", "TIMESTAMP_WITH_TIMEZONE"),
            Map.entry("TimestampUtcAsJdbcTimestampJdbcType", "TIMESTAMP_UTC"),
            Map.entry("TimestampUtcAsOffsetDateTimeJdbcType", "TIMESTAMP_UTC"),
            Map.entry("TimestampUtcAsInstantJdbcType", "TIMESTAMP_UTC"),
            Map.entry("BinaryJdbcType", "BINARY"), Map.entry("VarbinaryJdbcType", "VARBINARY"),
            Map.entry("LongVarbinaryJdbcType", "LONGVARBINARY"), Map.entry("BlobJdbcType", "BLOB"),
            Map.entry("ClobJdbcType", "CLOB"), Map.entry("NClobJdbcType", "NCLOB"),
            Map.entry("UUIDJdbcType", "UUID"), Map.entry("PostgreSQLUUIDJdbcType", "UUID"),
            Map.entry("VarcharUUIDJdbcType", "VARCHAR"), Map.entry("UuidAsBinaryJdbcType", "BINARY"),
            Map.entry("XmlJdbcType", "SQLXML"), Map.entry("XmlAsStringJdbcType", "SQLXML"),
            // both PG JSON classes create jsonb columns (the "json" one only binds values as json)
            Map.entry("PostgreSQLJsonPGObjectJsonbType", "JSON"), Map.entry("PostgreSQLJsonPGObjectJsonType", "JSON"),
            Map.entry("PostgreSQLCastingJsonJdbcType", "JSON"),
            Map.entry("PostgreSQLInetJdbcType", "INET"), Map.entry("PostgreSQLCastingInetJdbcType", "INET"),
            Map.entry("PostgreSQLIntervalSecondJdbcType", "INTERVAL_SECOND"),
            Map.entry("PostgreSQLCastingIntervalSecondJdbcType", "INTERVAL_SECOND"));

    private JdbcTypeClasses() {
    }

    /** The SqlTypes name of a Hibernate JdbcType class, by qualified name. */
    static Optional<String> code(String qualifiedName) {
        return hibernates(qualifiedName).map(CODES::get);
    }

    private static Optional<String> hibernates(String qualifiedName) {
        int dot = qualifiedName.lastIndexOf('.');
        String pkg = dot < 0 ? "" : qualifiedName.substring(0, dot);
        boolean hibernate = pkg.equals("org.hibernate.type.descriptor.jdbc") || pkg.equals("org.hibernate.dialect.type")
                || pkg.equals("org.hibernate.dialect");
        return hibernate ? Optional.of(qualifiedName.substring(dot + 1)) : Optional.empty();
    }
}
