package io.migratewatch;

/** The process exit codes, as documented in the README. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int PROBLEMS_FOUND = 1;
    public static final int BAD_INPUT = 2;
    public static final int DATABASE_UNREACHABLE = 3;
    public static final int MIGRATION_FAILED = 4;
    public static final int NEEDS_REVIEW = 5;
    /** A backup or a restore failed: no migration was applied, and a failed restore changed nothing. */
    public static final int BACKUP_FAILED = 6;
    /** A deploy to several schemas ({@code --schemas}) failed for some of them; the others were deployed. */
    public static final int SOME_SCHEMAS_FAILED = 7;

    private ExitCode() {
    }
}
