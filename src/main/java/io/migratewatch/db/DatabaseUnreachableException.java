package io.migratewatch.db;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;

/** The database cannot be reached: names host and port, never the password. */
public class DatabaseUnreachableException extends MigrateWatchException {

    public DatabaseUnreachableException(String message, Throwable cause) {
        super(ExitCode.DATABASE_UNREACHABLE, message, cause);
    }
}
