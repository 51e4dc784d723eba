package io.migratewatch.schema;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL column type in one canonical spelling, so that the type a model asks for and the
 * type the catalog reports compare equal: {@code int4}, {@code integer} and {@code int} are all
 * {@code integer}; {@code character varying(255)} is {@code varchar(255)}; {@code timestamp} is
 * {@code timestamp(6)}, its default precision.
 */
public record ColumnType(String sql) implements java.io.Serializable {

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("serial", "integer"),
            Map.entry("int8", "bigint"), Map.entry("bigserial", "bigint"),
            Map.entry("int2", "smallint"), Map.entry("smallserial", "smallint"),
            Map.entry("bool", "boolean"),
            Map.entry("float8", "double precision"), Map.entry("float4", "real"),
            Map.entry("character varying", "varchar"), Map.entry("character", "char"),
            Map.entry("bpchar", "char"), Map.entry("decimal", "numeric"),
            Map.entry("timestamp without time zone", "timestamp"),
            Map.entry("timestamptz", "timestamp with time zone"),
            Map.entry("time without time zone", "time"),
            Map.entry("timetz", "time with time zone"));

    // base name, optional (args), optional "with/without time zone" after the args, optional array suffix
    private static final Pattern SHAPE = Pattern.compile(
            "^([a-z_][a-z0-9_ ]*?)\\s*(?:\\(\\s*([0-9]+)\\s*(?:,\\s*([0-9]+)\\s*)?\\))?"
                    + "\\s*((?:with|without) time zone)?\\s*((?:\\[\\s*[0-9]*\\s*\\])*)$");

    // what may be written into DDL as it is: a type name, its arguments, time zone and array brackets, nothing else
    private static final Pattern PLAIN = Pattern.compile("^[a-z][a-z0-9_ ]*(\\(\\d+(,\\d+)?\\))?( with time zone)?(\\[\\])*$");

    public static final ColumnType SMALLINT = of("smallint");
    public static final ColumnType INTEGER = of("integer");
    public static final ColumnType BIGINT = of("bigint");
    public static final ColumnType BOOLEAN = of("boolean");
    public static final ColumnType TEXT = of("text");
    public static final ColumnType UUID = of("uuid");

    public ColumnType {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("a column type needs a name");
        }
    }

    /** Parses any PostgreSQL spelling of a type into its canonical form. */
    public static ColumnType of(String spelling) {
        return new ColumnType(canonical(spelling));
    }

    public static ColumnType varchar(int length) {
        return new ColumnType("varchar(" + length + ")");
    }

    public static ColumnType numeric(int precision, int scale) {
        return new ColumnType("numeric(" + precision + "," + scale + ")");
    }

    public boolean isArray() {
        return sql.endsWith("[]");
    }

    /** The type without array brackets and arguments, e.g. {@code varchar} for {@code varchar(40)[]}. */
    public String baseName() {
        String s = sql.replace("[]", "");
        int paren = s.indexOf('(');
        if (paren < 0) {
            return s;
        }
        int close = s.indexOf(')', paren);
        return (s.substring(0, paren) + s.substring(close + 1)).trim();
    }

    /** The first type argument (length or precision), or -1 when there is none. */
    public int firstArgument() {
        Matcher m = Pattern.compile("\\((\\d+)").matcher(sql);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** The second type argument (scale), or -1 when there is none. */
    public int secondArgument() {
        Matcher m = Pattern.compile("\\(\\d+,(\\d+)\\)").matcher(sql);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    @Override
    public String toString() {
        return sql;
    }

    static String canonical(String spelling) {
        String s = spelling.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        s = s.replace("\"", "");
        if (s.startsWith("pg_catalog.")) {
            s = s.substring("pg_catalog.".length());
        }
        Matcher m = SHAPE.matcher(s);
        if (!m.matches()) {
            return s;
        }
        String base = m.group(1).trim();
        String a1 = m.group(2);
        String a2 = m.group(3);
        String zone = m.group(4);
        int dims = m.group(5) == null ? 0 : m.group(5).split("\\[", -1).length - 1;
        String array = "[]".repeat(dims);

        // "timestamp with time zone" may also arrive as one base name
        if (base.endsWith(" with time zone") || base.endsWith(" without time zone")) {
            zone = base.substring(base.indexOf(" with"));
            zone = zone.trim();
            base = base.substring(0, base.indexOf(" with")).trim();
        }
        if (zone != null) {
            base = base + " " + zone;
        }
        base = ALIASES.getOrDefault(base, base);
        if (base.startsWith("timestamp") || base.startsWith("time")) {
            String kind = base.startsWith("timestamp") ? "timestamp" : "time";
            boolean withZone = base.endsWith("with time zone");
            String precision = a1 == null ? "6" : a1;
            return kind + "(" + precision + ")" + (withZone ? " with time zone" : "") + array;
        }
        switch (base) {
            case "float", "double precision" -> {
                if (a1 != null && Integer.parseInt(a1) <= 24) {
                    return "real" + array;
                }
                return "double precision" + array;
            }
            case "numeric" -> {
                if (a1 == null) {
                    return "numeric" + array;
                }
                return "numeric(" + a1 + "," + (a2 == null ? "0" : a2) + ")" + array;
            }
            case "char" -> {
                return "char(" + (a1 == null ? "1" : a1) + ")" + array;
            }
            default -> {
                String args = a1 == null ? "" : "(" + a1 + (a2 == null ? "" : "," + a2) + ")";
                return base + args + array;
            }
        }
    }

    /** True for a plain type name (with arguments, time zone, array brackets): the only types written into SQL. */
    public boolean isPlain() {
        return PLAIN.matcher(sql).matches();
    }
}
