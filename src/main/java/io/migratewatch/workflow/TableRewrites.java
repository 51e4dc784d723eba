package io.migratewatch.workflow;

import io.migratewatch.migration.MigrationFile;
import io.migratewatch.migration.SqlScript;
import io.migratewatch.migration.SqlStatement;
import io.migratewatch.schema.Identifiers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements of pending migrations that rewrite a whole table that holds data: a column type change that is not
 * a widening PostgreSQL does in place, or a column added with a volatile default or as an identity. Such a statement
 * holds an {@code ACCESS EXCLUSIVE} lock for as long as the table takes to copy, which no lock-safe step avoids, so
 * {@code deploy} names each with the table's size and row estimate and, in production, holds it until confirmed.
 */
final class TableRewrites {

    /** One rewriting statement: the migration, its line, the table, why, and the table's estimated rows and size. */
    record Rewrite(String file, int line, String table, String why, long rows, long bytes) {

        String describe() {
            return file + (line > 0 ? ":" + line : "") + " rewrites table \"" + table + "\" (" + (rows < 0 ? "not analyzed"
                    : "about " + String.format(Locale.ROOT, "%,d", rows) + " rows") + ", " + size(bytes) + "): " + why;
        }
    }

    private static final String NAME = Identifiers.IN_SQL;
    private static final Pattern ALTER_TABLE = Pattern.compile("(?is)^\\s*ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?((?:"
            + NAME + "\\.)?" + NAME + ")\\s+(.*)$");
    private static final Pattern TYPE = Pattern.compile("(?is)ALTER\\s+(?:COLUMN\\s+)?(" + NAME + ")\\s+(?:SET\\s+DATA\\s+)?TYPE\\s+"
            + "([^,]+?)(?:\\s+USING\\s+[^,]+)?(?:,|$)");
    private static final Pattern ADD_COLUMN = Pattern.compile("(?is)ADD\\s+(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?(" + NAME
            + ")\\s+([^,]+)");
    private static final Pattern VOLATILE = Pattern.compile("(?i)\\b(random|clock_timestamp|gen_random_uuid|uuid_generate_v[14]|nextval"
            + "|timeofday)\\s*\\(|GENERATED\\s+(ALWAYS|BY\\s+DEFAULT)\\s+AS\\s+IDENTITY|GENERATED\\s+ALWAYS\\s+AS\\s*\\(");
    private static final Pattern VARCHAR = Pattern.compile("(?i)^(?:character varying|varchar)(?:\\s*\\((\\d+)\\))?$");

    private TableRewrites() {
    }

    static List<Rewrite> of(Connection c, String schema, List<MigrationFile> migrations) throws SQLException {
        List<Rewrite> result = new ArrayList<>();
        for (MigrationFile m : migrations) {
            for (SqlStatement st : SqlScript.statements(m.up(), m.upLine())) {
                Matcher alter = ALTER_TABLE.matcher(st.sql());
                if (!alter.find()) {
                    continue;
                }
                String table = Identifiers.fromSql(lastPart(alter.group(1)));
                String actions = alter.group(2);
                List<String> why = new ArrayList<>();
                Matcher type = TYPE.matcher(actions);
                while (type.find()) {
                    String column = Identifiers.fromSql(type.group(1));
                    String to = type.group(2).strip();
                    String from = columnType(c, schema, table, column);
                    if (from != null && !inPlace(from, to)) {
                        why.add("column \"" + column + "\" changes type from " + from + " to " + to);
                    }
                }
                Matcher add = ADD_COLUMN.matcher(actions);
                while (add.find()) {
                    if (!add.group(1).equalsIgnoreCase("CONSTRAINT") && VOLATILE.matcher(add.group(2)).find()) {
                        why.add("column \"" + Identifiers.fromSql(add.group(1)) + "\" is added with a value computed for each row ("
                                + add.group(2).strip() + ")");
                    }
                }
                // the table's size only for a statement that would rewrite it: most ALTER TABLEs add keys
                long[] stats = why.isEmpty() ? null : stats(c, schema, table);
                if (stats != null && stats[0] != 0) {
                    result.add(new Rewrite(m.fileName(), st.line(), table, String.join("; ", why), stats[0], stats[1]));
                }
            }
        }
        return result;
    }

    /** Whether PostgreSQL changes the type without copying the table: the same type, or a longer or unbounded varchar. */
    static boolean inPlace(String from, String to) {
        String f = from.strip().toLowerCase(Locale.ROOT);
        String t = to.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (f.equals(t)) {
            return true;
        }
        Matcher fv = VARCHAR.matcher(f);
        if (fv.matches()) {
            if (t.equals("text")) {
                return true;
            }
            Matcher tv = VARCHAR.matcher(t);
            if (tv.matches()) {
                return tv.group(1) == null || (fv.group(1) != null && Integer.parseInt(tv.group(1)) >= Integer.parseInt(fv.group(1)));
            }
        }
        return false;
    }

    /** {rows estimate (-1 when never analyzed), total bytes}, or null when the table does not exist (yet). */
    private static long[] stats(Connection c, String schema, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT t.reltuples::bigint, pg_total_relation_size(t.oid) FROM pg_class t"
                + " JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = ? AND t.relname = ? AND t.relkind IN ('r', 'p')")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new long[] {rs.getLong(1), rs.getLong(2)} : null;
            }
        }
    }

    private static String columnType(Connection c, String schema, String table, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a"
                + " JOIN pg_class t ON t.oid = a.attrelid JOIN pg_namespace n ON n.oid = t.relnamespace"
                + " WHERE n.nspname = ? AND t.relname = ? AND a.attname = ? AND NOT a.attisdropped")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            ps.setString(3, column);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static String lastPart(String qualified) {
        Matcher m = Pattern.compile(NAME).matcher(qualified);
        String last = qualified;
        while (m.find()) {
            last = m.group();
        }
        return last;
    }


    static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return (bytes / 1024) + " kB";
        }
        return bytes < 1024L * 1024 * 1024 ? (bytes / (1024 * 1024)) + " MB" : String.format(Locale.ROOT, "%.1f GB", bytes / (1024.0 * 1024 * 1024));
    }
}
