package io.migratewatch.source;

import java.util.Locale;

/**
 * A table, column or sequence name as Hibernate hands it to the database. Hibernate does not quote
 * names unless they were quoted in the annotation (backticks or {@code \"...\"}), and PostgreSQL
 * folds unquoted names to lower case: {@link #emitted()} is the name the database ends up with.
 */
record PhysicalName(String text, boolean quoted) {

    /** Reads a name as written in an annotation, recognising {@code `Name`} and {@code "Name"} quoting. */
    static PhysicalName parse(String written) {
        String s = written.strip();
        if (s.length() >= 2 && s.startsWith("`") && s.endsWith("`")) {
            return new PhysicalName(s.substring(1, s.length() - 1), true);
        }
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            // Hibernate passes "..." through to SQL, where a doubled quote inside stands for one
            return new PhysicalName(s.substring(1, s.length() - 1).replace("\"\"", "\""), true);
        }
        return new PhysicalName(s, false);
    }

    /** The name in the database (and in the schema this package produces). */
    String emitted() {
        return quoted ? text : text.toLowerCase(Locale.ROOT);
    }

    /** How Hibernate's {@code Identifier} renders it, which is what its constraint-name hashes read. */
    String hibernate() {
        return quoted ? "`" + text + "`" : text;
    }

    /** Hibernate's canonical form, by which it sorts columns before hashing. */
    String canonical() {
        return quoted ? text : text.toLowerCase(Locale.ROOT);
    }
}
