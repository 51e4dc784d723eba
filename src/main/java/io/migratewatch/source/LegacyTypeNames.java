package io.migratewatch.source;

import java.util.Map;
import java.util.Optional;

/**
 * Hibernate 5's {@code @Type(type = "name")}: a basic type named by a string (gone in Hibernate 6). The names
 * applications commonly use map to what a port to Hibernate 7 writes instead: Hibernate's boolean converters for
 * {@code yes_no}, {@code true_false} and {@code numeric_boolean} (their column and check), a column type for the
 * others. Any other name decides its column when the application runs: the caller asks for a columnDefinition.
 */
final class LegacyTypeNames {

    /** Names standing for one of Hibernate's boolean converters. */
    private static final Map<String, String> CONVERTERS = Map.of(
            "yes_no", "org.hibernate.type.YesNoConverter",
            "org.hibernate.type.YesNoType", "org.hibernate.type.YesNoConverter",
            "true_false", "org.hibernate.type.TrueFalseConverter",
            "org.hibernate.type.TrueFalseType", "org.hibernate.type.TrueFalseConverter",
            "numeric_boolean", "org.hibernate.type.NumericBooleanConverter",
            "org.hibernate.type.NumericBooleanType", "org.hibernate.type.NumericBooleanConverter");

    /** Names standing for a PostgreSQL column type ({@code jsonb}: Hypersistence Utils' usual name for its JsonBinaryType). */
    private static final Map<String, String> COLUMNS = Map.of(
            "text", "text",
            "org.hibernate.type.TextType", "text",
            "jsonb", "jsonb",
            "pg-uuid", "uuid",
            "org.hibernate.type.PostgresUUIDType", "uuid");

    private LegacyTypeNames() {
    }

    /** The name an attribute's {@code @Type(type = "...")} gives, if it is written that way. */
    static Optional<String> of(Attribute a, MappingContext ctx) {
        return a.annotation(Family.HIBERNATE, "Type").filter(t -> t.get("type").isPresent())
                .map(t -> ctx.constants.string(t, "type", "").strip());
    }

    /** The Hibernate converter the name stands for, if it is one of the boolean ones. */
    static Optional<String> converter(String name) {
        return Optional.ofNullable(CONVERTERS.get(name));
    }

    /** The column type the name stands for, if known. */
    static Optional<String> column(String name) {
        return Optional.ofNullable(COLUMNS.get(name));
    }

    /** Every known name, for messages. */
    static String known() {
        return String.join(", ", new java.util.TreeSet<>(java.util.stream.Stream.concat(CONVERTERS.keySet().stream(),
                COLUMNS.keySet().stream()).filter(n -> !n.contains(".")).toList()));
    }
}
