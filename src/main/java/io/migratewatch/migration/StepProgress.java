package io.migratewatch.migration;

import io.migratewatch.schema.Identifiers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How many steps of a migration with steps outside the transaction are done, kept in the history table's companion
 * ({@code <migrations.history-table>_steps}) until the migration is recorded: a run that stopped half way goes on
 * from the first step not done. Keyed by the section's checksum, so an edited file starts again from its first step.
 */
public final class StepProgress {

    /** The companion table's name, never part of the compared schema. */
    public static String tableName(String historyTable) {
        return historyTable + "_steps";
    }

    private final String schema;
    private final String table;

    public StepProgress(String schema, String historyTable) {
        this.schema = schema;
        this.table = tableName(historyTable);
    }

    private String qualified() {
        return Identifiers.quote(schema) + "." + Identifiers.quote(table);
    }

    void ensureExists(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + qualified() + " (revision varchar(32) NOT NULL, section varchar(4) NOT NULL,"
                    + " checksum varchar(64) NOT NULL, steps_done integer NOT NULL, PRIMARY KEY (revision, section))");
        }
    }

    /** The steps done of this section as it reads now; 0 when none, or when they were done by another text of it. */
    int done(Connection c, String revision, String section, String checksum) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT steps_done FROM " + qualified()
                + " WHERE revision = ? AND section = ? AND checksum = ?")) {
            ps.setString(1, revision);
            ps.setString(2, section);
            ps.setString(3, checksum);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    void record(Connection c, String revision, String section, String checksum, int done) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + qualified() + " VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (revision, section) DO UPDATE SET checksum = EXCLUDED.checksum, steps_done = EXCLUDED.steps_done")) {
            ps.setString(1, revision);
            ps.setString(2, section);
            ps.setString(3, checksum);
            ps.setInt(4, done);
            ps.executeUpdate();
        }
    }

    void clear(Connection c, String revision) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + qualified() + " WHERE revision = ?")) {
            ps.setString(1, revision);
            ps.executeUpdate();
        }
    }
}
