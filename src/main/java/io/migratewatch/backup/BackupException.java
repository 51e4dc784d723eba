package io.migratewatch.backup;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;

/**
 * A backup could not be written, or a restore failed and was rolled back. Either way nothing was
 * applied and nothing changed; the message says what failed and what to do.
 */
public class BackupException extends MigrateWatchException {

    public BackupException(String message) {
        super(ExitCode.BACKUP_FAILED, message);
    }

    public BackupException(String message, Throwable cause) {
        super(ExitCode.BACKUP_FAILED, message, cause);
    }
}
