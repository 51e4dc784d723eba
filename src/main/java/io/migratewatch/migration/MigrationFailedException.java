package io.migratewatch.migration;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;

/** A migration statement failed; the transaction was rolled back and the database is as it was. */
public class MigrationFailedException extends MigrateWatchException {

    private final MigrationFile migration;
    private final SqlStatement statement;

    public MigrationFailedException(MigrationFile migration, String section, SqlStatement statement, String error, Throwable cause) {
        super(ExitCode.MIGRATION_FAILED, "migration " + migration.fileName() + " failed at line " + statement.line()
                + " (" + section + "): " + firstLine(statement.sql()) + "\n  " + error
                + "\n  The transaction was rolled back: the database is as it was before. Fix the file or the model and run the command again.", cause);
        this.migration = migration;
        this.statement = statement;
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
