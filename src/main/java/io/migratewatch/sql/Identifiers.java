package io.migratewatch.sql;

import java.util.List;
import java.util.stream.Collectors;

/** Identifier quoting: every name migrate-watch writes into SQL goes through here. */
public final class Identifiers {

    private Identifiers() {
    }

    /** {@code order} → {@code "order"}, {@code a"b} → {@code "a""b"}. */
    public static String quote(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("an identifier cannot be empty");
        }
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("an identifier cannot contain a NUL character");
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    public static String quoteAll(List<String> names) {
        return names.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
    }

    /** A string literal: {@code it's} → {@code 'it''s'}. */
    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
