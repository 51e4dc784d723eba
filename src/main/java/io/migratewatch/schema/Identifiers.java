package io.migratewatch.schema;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Identifier quoting: every name migrate-watch writes into SQL goes through here. */
public final class Identifiers {

    /** One name in SQL text, quoted ({@code "Order"}) or bare ({@code order}), as a regular expression. */
    public static final String IN_SQL = "(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)";

    private Identifiers() {
    }

    /** A name as PostgreSQL reads it from SQL text ({@link #IN_SQL}): {@code "Order"} → {@code Order}, {@code Order} → {@code order}. */
    public static String fromSql(String token) {
        return token.startsWith("\"") ? unquote(token) : token.toLowerCase(Locale.ROOT);
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

    /** {@code "schema"."name"}: both parts quoted. */
    public static String qualified(String schema, String name) {
        return quote(schema) + "." + quote(name);
    }

    public static String quoteAll(List<String> names) {
        return names.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
    }

    /** {@code "a""b"} → {@code a"b}: the inverse of {@link #quote}; refuses text that is not one quoted name. */
    public static String unquote(String quoted) {
        if (quoted.length() < 2 || quoted.charAt(0) != '"' || quoted.charAt(quoted.length() - 1) != '"'
                || quoted.substring(1, quoted.length() - 1).replace("\"\"", "").indexOf('"') >= 0) {
            throw new IllegalArgumentException(quoted + " is not a quoted identifier");
        }
        return quoted.substring(1, quoted.length() - 1).replace("\"\"", "\"");
    }

    /** A string literal: {@code it's} → {@code 'it''s'}. */
    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
