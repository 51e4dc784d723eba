package io.migratewatch.source;

import io.migratewatch.schema.ColumnType;

import java.util.Optional;
import java.util.Set;

/**
 * How Hibernate stores the offset of an {@code OffsetDateTime}, {@code ZonedDateTime} or {@code OffsetTime} attribute:
 * its {@code @TimeZoneStorage}, else {@code hibernate.timezone.default_storage}. {@code COLUMN}, and {@code AUTO}
 * (PostgreSQL keeps no offset in a timestamp), add an integer column beside it, named by {@code @TimeZoneColumn} or
 * {@code <column>_tz}; the timestamp is then stored as an {@code Instant}. {@code NORMALIZE} stores a plain
 * {@code timestamp(6)}, {@code NORMALIZE_UTC} and {@code NATIVE} a {@code timestamp(6) with time zone}, and
 * {@code DEFAULT} follows the global setting (whose {@code COLUMN} stores a plain timestamp without a column then).
 * An {@code OffsetTime} keeps its {@code time} type, with time zone only under {@code NATIVE}.
 */
final class TimeZoneStorages {

    static final Set<String> ZONED = Set.of("java.time.OffsetDateTime", "java.time.ZonedDateTime", "java.time.OffsetTime");
    private static final ColumnType PLAIN = ColumnType.of("timestamp(6)");
    private static final ColumnType WITH_ZONE = ColumnType.of("timestamp(6) with time zone");

    /**
     * @param type   the attribute's column type when it is not the zoned type's default, or null
     * @param column whether an offset column goes beside it
     */
    record Storage(ColumnType type, boolean column) {
    }

    private TimeZoneStorages() {
    }

    /** The storage of an attribute of the zoned Java type {@code zoned} (one of {@link #ZONED}). */
    static Storage of(Attribute a, String zoned, MappingContext ctx) {
        HibernateSettings global = ctx.options().hibernate();
        boolean time = zoned.equals("java.time.OffsetTime");
        Optional<Ann> annotation = a.annotation(Family.HIBERNATE, "TimeZoneStorage");
        if (annotation.isEmpty()) {
            return global.timeZoneColumns() ? new Storage(time ? null : instant(ctx), true) : new Storage(null, false);
        }
        // the annotation's own default is AUTO
        String value = ctx.constants.enumName(annotation.get(), "value", "AUTO");
        if (value.equals("COLUMN") || value.equals("AUTO")) {
            return new Storage(time ? null : instant(ctx), true);
        }
        if (time) {
            // only NATIVE keeps an OffsetTime's offset in the column
            return new Storage(value.equals("NATIVE") ? ColumnType.of(type("java.time.OffsetTime", ctx).sql() + " with time zone") : null,
                    false);
        }
        return switch (value) {
            case "NORMALIZE" -> new Storage(PLAIN, false);
            case "DEFAULT" -> new Storage(global.timeZoneColumns() || global.normalizeTimeZones() ? PLAIN : WITH_ZONE, false);
            default -> new Storage(WITH_ZONE, false);
        };
    }

    /** The offset column's declared name (blank: Hibernate names it after the composite's {@code zoneOffset}), if given. */
    static Optional<Ann> zoneColumn(Attribute a) {
        return a.annotation(Family.HIBERNATE, "TimeZoneColumn");
    }

    private static ColumnType instant(MappingContext ctx) {
        return type("java.time.Instant", ctx);
    }

    private static ColumnType type(String javaType, MappingContext ctx) {
        return ctx.env.typeMapping.map(new JavaType.Named(javaType, null, java.util.List.of()), JavaTypeMapping.Hints.NONE).orElseThrow();
    }
}
