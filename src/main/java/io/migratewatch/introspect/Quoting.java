package io.migratewatch.introspect;

/** PostgreSQL identifier quoting for the few statements this package builds itself. */
final class Quoting {

    private Quoting() {
    }

    /** {@code a"b} becomes {@code "a""b"}: always quoted, so case, keywords and odd characters survive. */
    static String identifier(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("an identifier must not be empty");
        }
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("an identifier must not contain a NUL character");
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    static String qualified(String schema, String name) {
        return identifier(schema) + "." + identifier(name);
    }
}
