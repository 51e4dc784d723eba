package io.migratewatch.source;

import io.migratewatch.schema.DefaultNames;

import java.nio.charset.StandardCharsets;

/**
 * Names of column check constraints as PostgreSQL picks them for inline {@code check (...)}
 * clauses: {@code <table>_<column>_check}, then {@code _check1}, {@code _check2} for more on the
 * same column, shortened to 63 bytes the way PostgreSQL does.
 */
final class CheckNames {

    private CheckNames() {
    }

    static String name(String table, String column, int ordinal) {
        if (ordinal == 0) {
            return DefaultNames.check(table, column);
        }
        return make(table, column, "check" + ordinal);
    }

    // PostgreSQL's makeObjectName: shorten the longer part until "<a>_<b>_<label>" fits.
    private static String make(String a, String b, String label) {
        int available = DefaultNames.MAX_IDENTIFIER_BYTES - label.length() - 2;
        while (bytes(a) + bytes(b) > available) {
            if (bytes(a) > bytes(b)) {
                a = a.substring(0, a.length() - 1);
            } else {
                b = b.substring(0, b.length() - 1);
            }
        }
        return a + "_" + b + "_" + label;
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
