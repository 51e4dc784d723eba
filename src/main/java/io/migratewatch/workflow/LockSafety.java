package io.migratewatch.workflow;

import io.migratewatch.config.Settings;
import io.migratewatch.migration.LockLimits;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether {@code upgrade} runs migrations lock-safe ({@code migrations.lock-safe}): on, off, or auto: on when a table
 * of the managed schema (other than the history table) holds a row, since only then can a waiting lock stop an
 * application's queries.
 */
final class LockSafety {

    private LockSafety() {
    }

    /** The limits {@code upgrade} applies every migration with, or null when lock-safe is off for this database. */
    static LockLimits limits(Project project, Connection c) throws SQLException {
        Settings s = project.settings();
        Settings.LockSafe mode = s.migrations().lockSafe();
        if (mode == Settings.LockSafe.OFF || (mode == Settings.LockSafe.AUTO && !holdsRows(c, s.database().schema(),
                s.migrations().historyTable()))) {
            return null;
        }
        return new LockLimits(s.migrations().lockTimeout(), s.migrations().statementTimeout(), s.deploy().retries());
    }

    /** {@code deploy}'s limits, when lock-safe is not off; deploy retries a lock timeout itself. */
    static LockLimits forDeploy(Settings s) {
        return s.migrations().lockSafe() == Settings.LockSafe.OFF ? null
                : new LockLimits(s.deploy().lockTimeout(), s.deploy().statementTimeout(), 0);
    }

    private static boolean holdsRows(Connection c, String schema, String historyTable) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT format('%I.%I', n.nspname, t.relname) FROM pg_class t"
                + " JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = ? AND t.relkind IN ('r', 'p') AND t.relname <> ?")) {
            s.setString(1, schema);
            s.setString(2, historyTable);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        try (Statement s = c.createStatement()) {
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT FROM " + table + ")")) {
                    if (rs.next() && rs.getBoolean(1)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
