package io.migratewatch.workflow;

import io.migratewatch.config.Settings;
import io.migratewatch.migration.LockLimits;

import io.migratewatch.introspect.DataProbe;

import java.sql.Connection;
import java.sql.SQLException;

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
        if (mode == Settings.LockSafe.OFF || (mode == Settings.LockSafe.AUTO && !DataProbe.hasAnyRows(c, s.database().schema(),
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
}
