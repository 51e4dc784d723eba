package io.migratewatch.source;

import io.migratewatch.schema.ColumnType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The order in which Hibernate 6.2+ lists the columns of a composite primary key (its standard
 * column ordering strategy): by the column's physical size (at least 4 bytes), then whether that
 * size exceeds 2,048 bytes, then by name. A foreign key into the table follows the same order.
 */
final class HibernateColumnOrder {

    // decimal digits per byte, as Hibernate converts a numeric precision
    private static final double DECIMAL_DIGITS_PER_BYTE = Math.log(10) / Math.log(2) * 8;
    // PostgreSQL's dialect: the largest varchar and bytea, which a column of the default length (255) counts as
    private static final int MAX_LENGTH = 10_485_760;
    private static final int DEFAULT_LENGTH = 255;
    private static final int DEFAULT_DECIMAL_PRECISION = 38;

    private HibernateColumnOrder() {
    }

    /** The key's columns in Hibernate's order, compared by the names as the database has them. */
    static List<String> primaryKey(Map<String, ColumnType> columns) {
        return primaryKey(columns, Map.of());
    }

    /**
     * The key's columns in Hibernate's order; a single column, or none, as given.
     *
     * @param columns   the columns as the database names them, with their types
     * @param hibernate each column's name as Hibernate holds it (its case kept: with names as written
     *                  {@code regionCode} sorts before {@code regionalNumber}), where it differs
     */
    static List<String> primaryKey(Map<String, ColumnType> columns, Map<String, String> hibernate) {
        List<String> names = new ArrayList<>(columns.keySet());
        if (names.size() > 1) {
            names.sort(Comparator.comparingInt((String n) -> Math.max(size(columns.get(n)), 4))
                    .thenComparing(n -> size(columns.get(n)) > 2048)
                    .thenComparing(n -> hibernate.getOrDefault(n, n)));
        }
        return names;
    }

    /** Hibernate's estimate of a column's size in bytes. */
    static int size(ColumnType type) {
        if (type.isArray()) {
            return Integer.MAX_VALUE;
        }
        String base = type.baseName();
        return switch (base) {
            case "boolean" -> 1;
            case "smallint" -> 2;
            case "integer", "real", "date", "time", "time with time zone" -> 4;
            case "bigint", "double precision", "timestamp", "timestamp with time zone", "interval" -> 8;
            case "uuid" -> 16;
            case "inet" -> 19;
            case "numeric" -> (int) Math.ceil((type.firstArgument() < 0 ? DEFAULT_DECIMAL_PRECISION : type.firstArgument())
                    / DECIMAL_DIGITS_PER_BYTE);
            case "varchar", "char", "bytea", "text" -> {
                int length = type.firstArgument();
                yield length < 0 || length == DEFAULT_LENGTH ? MAX_LENGTH : length;
            }
            default -> Integer.MAX_VALUE;
        };
    }
}
