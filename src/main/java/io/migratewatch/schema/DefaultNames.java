package io.migratewatch.schema;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The names PostgreSQL invents for unnamed constraints and indexes ({@code orders_pkey},
 * {@code orders_code_key}, {@code orders_customer_id_fkey}), including its truncation to 63 bytes,
 * so that a migration can name, and later drop, what the database would have named by itself.
 */
public final class DefaultNames {

    public static final int MAX_IDENTIFIER_BYTES = 63;

    private DefaultNames() {
    }

    public static String primaryKey(String table) {
        return make(table, null, "pkey");
    }

    public static String unique(String table, List<String> columns) {
        return make(table, String.join("_", columns), "key");
    }

    public static String foreignKey(String table, List<String> columns) {
        return make(table, String.join("_", columns), "fkey");
    }

    public static String check(String table, String column) {
        return make(table, column, "check");
    }

    public static String index(String table, List<String> columns) {
        return make(table, String.join("_", columns), "idx");
    }

    /** PostgreSQL's makeObjectName: shortens the longer of the two parts until the whole fits. */
    static String make(String name1, String name2, String label) {
        int overhead = label.length() + 1 + (name2 == null ? 0 : 1);
        int available = MAX_IDENTIFIER_BYTES - overhead;
        String a = name1;
        String b = name2 == null ? "" : name2;
        while (bytes(a) + bytes(b) > available) {
            if (bytes(a) > bytes(b)) {
                a = a.substring(0, a.length() - 1);
            } else {
                b = b.substring(0, b.length() - 1);
            }
        }
        return name2 == null ? a + "_" + label : a + "_" + b + "_" + label;
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
