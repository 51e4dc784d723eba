package io.migratewatch.source;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code @JdbcTypeCode} values, written as a {@code SqlTypes} / {@code java.sql.Types} constant or as
 * its number, by their {@code SqlTypes} name (the numbers are Hibernate 7's {@code SqlTypes}).
 */
final class JdbcTypeCodes {

    private static final Map<String, String> BY_NUMBER = Map.ofEntries(
            Map.entry("-7", "BIT"), Map.entry("-6", "TINYINT"), Map.entry("5", "SMALLINT"), Map.entry("4", "INTEGER"),
            Map.entry("-5", "BIGINT"), Map.entry("6", "FLOAT"), Map.entry("7", "REAL"), Map.entry("8", "DOUBLE"),
            Map.entry("2", "NUMERIC"), Map.entry("3", "DECIMAL"), Map.entry("1", "CHAR"), Map.entry("12", "VARCHAR"),
            Map.entry("-1", "LONGVARCHAR"), Map.entry("4001", "LONG32VARCHAR"), Map.entry("91", "DATE"),
            Map.entry("92", "TIME"), Map.entry("93", "TIMESTAMP"), Map.entry("-2", "BINARY"), Map.entry("-3", "VARBINARY"),
            Map.entry("-4", "LONGVARBINARY"), Map.entry("4003", "LONG32VARBINARY"), Map.entry("2003", "ARRAY"),
            Map.entry("2004", "BLOB"), Map.entry("2005", "CLOB"), Map.entry("16", "BOOLEAN"), Map.entry("-15", "NCHAR"),
            Map.entry("-9", "NVARCHAR"), Map.entry("-16", "LONGNVARCHAR"), Map.entry("4002", "LONG32NVARCHAR"),
            Map.entry("2011", "NCLOB"), Map.entry("2009", "SQLXML"), Map.entry("2014", "TIMESTAMP_WITH_TIMEZONE"),
            Map.entry("3000", "UUID"), Map.entry("3001", "JSON"), Map.entry("3002", "INET"),
            Map.entry("3003", "TIMESTAMP_UTC"), Map.entry("3004", "MATERIALIZED_BLOB"), Map.entry("3005", "MATERIALIZED_CLOB"),
            Map.entry("3006", "MATERIALIZED_NCLOB"), Map.entry("3018", "JSON_ARRAY"), Map.entry("3100", "INTERVAL_SECOND"));

    private static final Set<String> JSON = Set.of("JSON", "JSON_ARRAY");

    private JdbcTypeCodes() {
    }

    /** The SqlTypes name of a written code ({@code SqlTypes.JSON}, {@code Types.VARCHAR} or {@code 3001}). */
    static String name(String code) {
        return Optional.ofNullable(BY_NUMBER.get(code.strip())).orElse(code.strip());
    }

    static boolean isJson(String code) {
        return JSON.contains(name(code));
    }
}
