package io.migratewatch.source;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The library types the mapping understands without their sources: names in java.lang that need
 * no import, the JDK value types of docs/mapping.md's table, the collection interfaces, and the JDK
 * enums whose constants we know.
 */
final class KnownTypes {

    static final Set<String> JAVA_LANG = Set.of("String", "Integer", "Long", "Short", "Byte", "Boolean", "Double",
            "Float", "Character", "Object", "Number", "Class", "Enum", "Comparable", "Override", "Deprecated",
            "SuppressWarnings", "Math");

    private static final Set<String> QUALIFIED = Set.of(
            "java.math.BigDecimal", "java.math.BigInteger",
            "java.time.LocalDate", "java.time.LocalTime", "java.time.LocalDateTime", "java.time.OffsetDateTime",
            "java.time.OffsetTime", "java.time.ZonedDateTime", "java.time.Instant", "java.time.Duration",
            "java.time.Year", "java.time.YearMonth", "java.time.MonthDay", "java.time.ZoneId", "java.time.ZoneOffset",
            "java.time.DayOfWeek", "java.time.Month",
            "java.util.Date", "java.util.Calendar", "java.util.UUID", "java.util.Locale", "java.util.Currency",
            "java.util.TimeZone", "java.util.List", "java.util.Set", "java.util.SortedSet", "java.util.Collection",
            "java.util.Map", "java.util.ArrayList", "java.util.HashSet", "java.util.LinkedHashSet", "java.util.HashMap",
            "java.sql.Date", "java.sql.Time", "java.sql.Timestamp", "java.net.URL", "java.io.Serializable",
            "java.net.URI", "java.net.InetAddress", "java.sql.Blob", "java.sql.Clob", "java.sql.NClob");

    static final Map<String, List<String>> JDK_ENUMS = Map.of(
            "java.time.DayOfWeek", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"),
            "java.time.Month", List.of("JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST",
                    "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"));

    private KnownTypes() {
    }

    static boolean isKnown(String qualifiedName) {
        return QUALIFIED.contains(qualifiedName)
                || qualifiedName.startsWith("java.lang.") && JAVA_LANG.contains(qualifiedName.substring(10));
    }
}
