package io.migratewatch.migration;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;
import io.migratewatch.db.DatabaseErrors;
import io.migratewatch.db.LockTable;

import java.util.List;

/** A migration statement failed; the transaction was rolled back and the database is as it was. */
public class MigrationFailedException extends MigrateWatchException {

    private static final String ROLLED_BACK = "\n  The transaction was rolled back: the database is as it was before. Fix the file or the model"
            + " and run the command again.";

    private static final String LOCK_TABLE_FULL = "\n  The server's lock table is shared by every session on it: other sessions (another migration on any of its"
            + " databases) may have held much of it. Run the command again when they are done; a migration generated for this"
            + " server is cut to fit three quarters of the table (migrations.lock-budget).";

    private final MigrationFile migration;
    private final SqlStatement statement;
    private final String advice;
    private final List<LockHolders.Holder> holders;

    public MigrationFailedException(MigrationFile migration, String section, SqlStatement statement, String error, Throwable cause) {
        super(ExitCode.MIGRATION_FAILED, "migration " + migration.fileName() + " failed"
                + (statement.line() > 0 ? " at line " + statement.line() : "") + " (" + section + "): " + firstLine(statement.sql()) + "\n  " + error
                + (LockTable.isFull(cause) ? LOCK_TABLE_FULL : "") + ROLLED_BACK, cause);
        this.migration = migration;
        this.statement = statement;
        this.advice = null;
        this.holders = List.of();
    }

    private MigrationFailedException(MigrationFailedException failure, String advice) {
        this(failure, advice, failure.holders, failure.getMessage() + "\n  " + advice);
    }

    /** The same failure of a statement that waited too long for a lock: the sessions that held it, and what to do about them. */
    public MigrationFailedException heldBy(List<LockHolders.Holder> sessions, String detail) {
        return new MigrationFailedException(this, advice, List.copyOf(sessions), getMessage() + "\n  " + detail);
    }

    /** The same failure of a migration that runs in steps: what stays applied replaces "the database is as it was". */
    public MigrationFailedException inSteps(String steps) {
        return new MigrationFailedException(this, advice, holders, getMessage().replace(ROLLED_BACK, "") + "\n  " + steps);
    }

    private MigrationFailedException(MigrationFailedException failure, String advice, List<LockHolders.Holder> holders, String message) {
        super(ExitCode.MIGRATION_FAILED, message, failure.getCause());
        this.migration = failure.migration;
        this.statement = failure.statement;
        this.advice = advice;
        this.holders = holders;
        setStackTrace(failure.getStackTrace());
    }

    /** True when the statement waited longer than lock_timeout for a lock another session holds (SQLSTATE 55P03). */
    public boolean isLockTimeout() {
        return DatabaseErrors.hasSqlState(getCause(), "55P03");
    }

    /** The same failure, with how to roll back (the backup to restore, or the downgrade to run) added to its message. */
    public MigrationFailedException withAdvice(String rollback) {
        return new MigrationFailedException(this, rollback);
    }

    /** How to roll back, or null when the workflow added none. */
    public String advice() {
        return advice;
    }

    /** After a lock timeout, the sessions that held a lock on the table the statement names; else empty. */
    public List<LockHolders.Holder> holders() {
        return holders;
    }

    public MigrationFile migration() {
        return migration;
    }

    public SqlStatement statement() {
        return statement;
    }

    private static String firstLine(String sql) {
        String first = sql.lines().findFirst().orElse(sql);
        return first.length() > 160 ? first.substring(0, 160) + "…" : first;
    }
}
