package io.migratewatch.workflow;

import io.migratewatch.config.Settings;
import io.migratewatch.migration.LockLimits;
import io.migratewatch.migration.MigrationRunner;

import io.migratewatch.introspect.DataProbe;

import io.migratewatch.diff.Change;
import io.migratewatch.diff.CreateTable;
import io.migratewatch.diff.TouchedTables;
import io.migratewatch.schema.Identifiers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether {@code upgrade}, {@code downgrade} and the daemon run migrations lock-safe ({@code migrations.lock-safe}): on,
 * off, or auto: on when a table of the managed schema (other than the history table) holds a row, since only then can
 * a waiting lock stop an application's queries (a table another session holds locked past the lock timeout counts as
 * holding one). {@code deploy} always runs with its own limits.
 */
final class LockSafety {

    private LockSafety() {
    }

    /** The limits {@code upgrade}, {@code downgrade} and the daemon apply every migration with, or null when lock-safe is off for this database. */
    static LockLimits limits(Project project, Connection c) throws SQLException {
        Settings s = project.settings();
        Settings.LockSafe mode = s.migrations().lockSafe();
        if (mode == Settings.LockSafe.OFF || (mode == Settings.LockSafe.AUTO && !DataProbe.hasAnyRowsOrBusy(c, s.database().schema(),
                s.migrations().historyTable(), s.migrations().lockTimeout()))) {
            return null;
        }
        return new LockLimits(s.migrations().lockTimeout(), s.migrations().statementTimeout(), s.deploy().retries());
    }

    /**
     * The project's runner with the limits {@link #limits} gives for this database, or {@code given} when not null; each
     * retry of a lock timeout is told to the project's output.
     */
    static MigrationRunner runner(Project project, Connection c, LockLimits given) throws SQLException {
        LockLimits applied = given != null ? given : limits(project, c);
        MigrationRunner runner = project.runner();
        return applied == null ? runner : runner.withLimits(applied, project.settings().database().schema(), project.out());
    }

    /**
     * {@code deploy}'s limits, whatever {@code migrations.lock-safe} says (off only means migrations are written without
     * lock-safe steps); deploy retries a lock timeout itself.
     */
    static LockLimits forDeploy(Settings s) {
        return new LockLimits(s.deploy().lockTimeout(), s.deploy().statementTimeout(), 0);
    }

    /**
     * Whether {@code generate} writes a migration lock-safe ({@link io.migratewatch.sql.LockSafeScript}): on, off, or
     * auto: when a table the changes alter, and do not create, holds a row in the database it reads.
     */
    static boolean forGeneration(Project project, Connection c, List<Change> changes) throws SQLException {
        Settings.LockSafe mode = project.settings().migrations().lockSafe();
        if (mode != Settings.LockSafe.AUTO) {
            return mode == Settings.LockSafe.ON;
        }
        Set<String> created = changes.stream().filter(ch -> ch instanceof CreateTable).map(ch -> ((CreateTable) ch).table().name())
                .collect(Collectors.toSet());
        String schema = project.settings().database().schema();
        for (String table : TouchedTables.of(changes)) {
            if (created.contains(table)) {
                continue;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace"
                    + " WHERE n.nspname = ? AND t.relname = ? AND t.relkind IN ('r', 'p')")) {
                ps.setString(1, schema);
                ps.setString(2, table);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        continue;
                    }
                }
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT FROM "
                    + Identifiers.quote(schema) + "." + Identifiers.quote(table) + ")")) {
                if (rs.next() && rs.getBoolean(1)) {
                    return true;
                }
            }
        }
        return false;
    }
}
