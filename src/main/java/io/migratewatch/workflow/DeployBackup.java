package io.migratewatch.workflow;

import io.migratewatch.config.Settings;
import io.migratewatch.db.DatabaseErrors;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The backup step of {@code deploy}: one backup per deploy, however many times a lock timeout makes it try again;
 * then the session's limits for the migration statements that follow on the same connection: how long each may wait
 * for a lock ({@code deploy.lock-timeout}) and run ({@code deploy.statement-timeout}).
 */
final class DeployBackup implements BackupStep {

    private final BackupStep backup;
    private final Settings.Deploy limits;
    private Result result;

    DeployBackup(BackupStep backup, Settings.Deploy limits) {
        this.backup = backup;
        this.limits = limits;
    }

    @Override
    public Result before(Connection connection, String revision) {
        if (result == null) {
            result = backup.before(connection, revision);
        }
        try (Statement s = connection.createStatement()) {
            s.execute("SET lock_timeout = " + limits.lockTimeout().toMillis());
            s.execute("SET statement_timeout = " + limits.statementTimeout().toMillis());
        } catch (SQLException e) {
            throw DatabaseErrors.whileChanging("setting lock_timeout and statement_timeout", e);
        }
        return result;
    }

    /** The backup taken (or why none was), or null when nothing was to be applied. */
    Result result() {
        return result;
    }
}
