package io.migratewatch.source;

import java.util.List;
import java.util.stream.Collectors;

/** Builds the SQL text of generated check expressions, always with quoted identifiers. */
final class SqlText {

    private SqlText() {
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    static String between(String column, long low, long high) {
        return quote(column) + " between " + low + " and " + high;
    }

    static String in(String column, List<String> values) {
        return quote(column) + " in (" + values.stream().map(SqlText::literal).collect(Collectors.joining(",")) + ")";
    }
}
