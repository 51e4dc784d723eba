package io.migratewatch.source;

import java.util.Set;

/** The {@code @JdbcTypeCode} values understood so far ({@code SqlTypes.JSON} → jsonb), by name or number. */
final class JdbcTypeCodes {

    private static final Set<String> JSON = Set.of("JSON", "3001");

    private JdbcTypeCodes() {
    }

    static boolean isJson(String code) {
        return JSON.contains(code);
    }
}
