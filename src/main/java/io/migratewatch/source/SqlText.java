package io.migratewatch.source;

import io.migratewatch.schema.Identifiers;

import java.util.List;
import java.util.stream.Collectors;

/** Builds the SQL text of generated check expressions, always with quoted identifiers. */
final class SqlText {

    private SqlText() {
    }

    static String between(String column, long low, long high) {
        return Identifiers.quote(column) + " between " + low + " and " + high;
    }

    static String in(String column, List<String> values) {
        return Identifiers.quote(column) + " in (" + values.stream().map(Identifiers::literal).collect(Collectors.joining(",")) + ")";
    }

    /** {@code "column" in (0,1)}: numbers, written as they are (they come from the mapping, never from sources). */
    static String inNumbers(String column, List<String> values) {
        return Identifiers.quote(column) + " in (" + String.join(",", values) + ")";
    }

    static String atLeast(String column, long value) {
        return Identifiers.quote(column) + " >= " + value;
    }

    static String atMost(String column, long value) {
        return Identifiers.quote(column) + " <= " + value;
    }
}
