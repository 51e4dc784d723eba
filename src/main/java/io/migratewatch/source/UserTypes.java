package io.migratewatch.source;

import java.util.Map;
import java.util.Optional;

/**
 * {@code @Type(X.class)} with a common JSON or array user type (Hypersistence Utils, formerly hibernate-types)
 * → the PostgreSQL column it is meant for, as those libraries document it for PostgreSQL. Any other user type
 * decides its column at run time, which reading sources cannot know: the caller asks for a columnDefinition.
 */
final class UserTypes {

    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("JsonType", "jsonb"), Map.entry("JsonBinaryType", "jsonb"), Map.entry("JsonNodeBinaryType", "jsonb"),
            Map.entry("JsonStringType", "json"), Map.entry("JsonNodeStringType", "json"),
            Map.entry("StringArrayType", "text[]"), Map.entry("IntArrayType", "integer[]"),
            Map.entry("LongArrayType", "bigint[]"), Map.entry("DoubleArrayType", "double precision[]"),
            Map.entry("BooleanArrayType", "boolean[]"), Map.entry("UUIDArrayType", "uuid[]"),
            Map.entry("DateArrayType", "date[]"), Map.entry("TimestampArrayType", "timestamp(6)[]"),
            Map.entry("LocalDateArrayType", "date[]"), Map.entry("LocalDateTimeArrayType", "timestamp(6)[]"),
            Map.entry("DecimalArrayType", "numeric[]"), Map.entry("PostgreSQLInetType", "inet"),
            Map.entry("PostgreSQLIntervalType", "interval"));

    private static final String[] PACKAGES = {"io.hypersistence.utils.hibernate.type", "com.vladmihalcea.hibernate.type"};

    private UserTypes() {
    }

    /** The column type of a known user type, by qualified name. */
    static Optional<String> column(String qualifiedName) {
        for (String pkg : PACKAGES) {
            if (qualifiedName.startsWith(pkg + ".")) {
                return Optional.ofNullable(COLUMNS.get(qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1)));
            }
        }
        return Optional.empty();
    }
}
