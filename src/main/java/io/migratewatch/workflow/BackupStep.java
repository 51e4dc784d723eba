package io.migratewatch.workflow;

import java.sql.Connection;

/** Takes a backup before a migration is applied. Returns where it went, or why there is none. */
public interface BackupStep {

    /** Backups are not available in this version of migrate-watch: the step says so and does nothing. */
    BackupStep NOT_AVAILABLE = (connection, revision) -> "no backup taken (backups are not available in this version)";

    /** @return a line for the output: the backup file, or why none was taken */
    String before(Connection connection, String revision);
}
