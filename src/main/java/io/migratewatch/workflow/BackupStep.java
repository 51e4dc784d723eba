package io.migratewatch.workflow;

import java.sql.Connection;

/** Takes a backup before a migration is applied. Returns where it went, or why there is none. */
public interface BackupStep {

    /**
     * What the step did.
     *
     * @param file   the backup written, as shown to the user (relative to the project when inside it); null when none was
     * @param detail what it holds ("3 tables, 1,204 rows, 88 kB, builtin"), or why none was taken
     */
    record Result(String file, String detail) {

        public static Result skipped(String why) {
            return new Result(null, why);
        }

        public boolean taken() {
            return file != null;
        }

        /** The line for the command's output, the notification and the log. */
        public String note() {
            return taken() ? "Backup: " + file + " (" + detail + ")" : "Backup skipped: " + detail;
        }
    }

    /** For callers that take no backups (tests, benchmarks): the step says so and does nothing. */
    BackupStep NOT_AVAILABLE = skipped("backups are off for this run");

    static BackupStep skipped(String why) {
        return (connection, revision) -> Result.skipped(why);
    }

    /**
     * @param revision the revision about to be applied or reverted
     * @throws io.migratewatch.backup.BackupException when the backup fails: nothing may be applied then
     */
    Result before(Connection connection, String revision);
}
