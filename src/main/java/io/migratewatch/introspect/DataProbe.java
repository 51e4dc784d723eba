package io.migratewatch.introspect;

import io.migratewatch.schema.Identifiers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Counts what a destructive change would lose: the rows of a table, the values of a column,
 * whether a schema holds any data at all. Every name is quoted (double quotes, embedded quotes
 * doubled); no name is ever pasted into SQL as it is. Reads only.
 */
public final class DataProbe {

    /** How many tables one {@link #hasAnyRows} statement looks at. */
    private static final int TABLES_PER_STATEMENT = 200;

    private DataProbe() {
    }

    /** {@code count(*)} of the table. */
    public static long rowCount(Connection c, String schema, String table) throws SQLException {
        return count(c, "SELECT count(*) FROM " + Identifiers.qualified(schema, table));
    }

    /** {@code count(column)}: the rows in which the column is not NULL. */
    public static long nonNullCount(Connection c, String schema, String table, String column) throws SQLException {
        return count(c, "SELECT count(" + Identifiers.quote(column) + ") FROM " + Identifiers.qualified(schema, table));
    }

    /** The last value the sequence handed out; 0 when it never handed one out (or does not exist). */
    public static long sequencePosition(Connection c, String schema, String sequence) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT coalesce(last_value, 0) FROM pg_catalog.pg_sequences WHERE schemaname = ? AND sequencename = ?")) {
            ps.setString(1, schema);
            ps.setString(2, sequence);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** Whether any sequence of the schema (identity columns' too) other than those owned by {@code excludedTables} has handed out a value. */
    public static boolean anySequenceUsed(Connection c, String schema, Collection<String> excludedTables) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_sequences s WHERE s.schemaname = ? AND s.last_value IS NOT NULL"
                        + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_class t ON t.oid = d.refobjid"
                        + " WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.refclassid = 'pg_catalog.pg_class'::regclass"
                        + " AND d.objid = (quote_ident(s.schemaname) || '.' || quote_ident(s.sequencename))::regclass"
                        + " AND t.relname = ANY (?)))")) {
            ps.setString(1, schema);
            ps.setArray(2, c.createArrayOf("text", excludedTables.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Whether any ordinary or partitioned table of the schema holds a row. */
    public static boolean hasAnyRows(Connection c, String schema) throws SQLException {
        return hasAnyRows(c, schema, null);
    }

    /** Whether any ordinary or partitioned table of the schema other than {@code historyTable} holds a row. */
    /**
     * {@link #hasAnyRows}, waiting at most {@code lockWait} for a table another session has locked exclusively, and
     * counting such a table as holding rows: a table in that use is live. On a connection outside a transaction.
     */
    public static boolean hasAnyRowsOrBusy(Connection c, String schema, String historyTable, Duration lockWait) throws SQLException {
        String before;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_setting('lock_timeout')")) {
            rs.next();
            before = rs.getString(1);
        }
        setLockTimeout(c, lockWait.toMillis() + "ms");
        try {
            return hasAnyRows(c, schema, historyTable);
        } catch (SQLException e) {
            if ("55P03".equals(e.getSQLState())) {
                return true;
            }
            throw e;
        } finally {
            setLockTimeout(c, before);
        }
    }

    private static void setLockTimeout(Connection c, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT set_config('lock_timeout', ?, false)")) {
            ps.setString(1, value);
            ps.execute();
        }
    }

    public static boolean hasAnyRows(Connection c, String schema, String historyTable) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT t.relname FROM pg_catalog.pg_class t JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace"
                        + " WHERE n.nspname = ? AND t.relkind IN ('r', 'p')"
                        + " AND (?::text IS NULL OR t.relname NOT IN (?::text, ?::text || '_steps')) ORDER BY t.relname")) {
            ps.setString(1, schema);
            ps.setString(2, historyTable);
            ps.setString(3, historyTable);
            ps.setString(4, historyTable);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        // partitions are listed too, in case their parent lives in another schema
        for (int from = 0; from < tables.size(); from += TABLES_PER_STATEMENT) {
            List<String> chunk = tables.subList(from, Math.min(tables.size(), from + TABLES_PER_STATEMENT));
            StringBuilder sql = new StringBuilder("SELECT ");
            for (int i = 0; i < chunk.size(); i++) {
                if (i > 0) {
                    sql.append(" OR ");
                }
                sql.append("EXISTS (SELECT 1 FROM ").append(Identifiers.qualified(schema, chunk.get(i))).append(')');
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.toString())) {
                if (rs.next() && rs.getBoolean(1)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
