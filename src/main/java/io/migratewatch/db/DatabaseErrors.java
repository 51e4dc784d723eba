package io.migratewatch.db;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;

import java.sql.SQLException;

/**
 * Turns a database error into what the user is told and the exit code: a lost or refused connection
 * is "unreachable" (exit 3); anything else is what PostgreSQL said, with its SQLSTATE, under the
 * exit code of the kind of work that failed.
 */
public final class DatabaseErrors {

    private DatabaseErrors() {
    }

    /** For work that changes the database: everything it did was rolled back (exit 4). */
    public static MigrateWatchException whileChanging(String doing, SQLException e) {
        return classify(doing, e, ExitCode.MIGRATION_FAILED, "The database is as it was.");
    }

    /** For taking or restoring a backup (exit 6): a failed restore changes nothing. */
    public static MigrateWatchException whileBackingUp(String doing, SQLException e) {
        return classify(doing, e, ExitCode.BACKUP_FAILED, "Nothing was changed.");
    }

    /** For work that only reads (exit 1: the command could not find out what it was asked). */
    public static MigrateWatchException whileReading(String doing, SQLException e) {
        return classify(doing, e, ExitCode.PROBLEMS_FOUND, null);
    }

    /** Whether PostgreSQL's error {@code sqlState} is somewhere in the failure's causes. */
    public static boolean hasSqlState(Throwable failure, String sqlState) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException e && sqlState.equals(e.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static MigrateWatchException classify(String doing, SQLException e, int exitCode, String outcome) {
        if (ConnectionLoss.is(e)) {
            return new DatabaseUnreachableException("lost the connection to the database while " + doing + ": "
                    + firstLine(e.getMessage()) + sqlState(e) + ". Check that the server is running and reachable, then run the command again.", e);
        }
        return new MigrateWatchException(exitCode, "database error while " + doing + ": " + firstLine(e.getMessage()) + sqlState(e)
                + (outcome == null ? "" : ". " + outcome), e);
    }

    private static String sqlState(SQLException e) {
        return e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")";
    }

    private static String firstLine(String message) {
        return message == null ? "no message" : message.lines().findFirst().orElse(message);
    }
}
