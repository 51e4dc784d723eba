package io.migratewatch.workflow;

/**
 * What to tell the user after a migration failed, following the rollback workflow: with a backup,
 * the exact command that restores it; without one, the downgrade that undoes what the run applied.
 */
final class RollbackAdvice {

    private RollbackAdvice() {
    }

    /**
     * @param what    "upgrade" or "daemon"
     * @param applied migrations this run applied before the one that failed (they stay applied)
     */
    static String afterUpgrade(String what, BackupStep.Result backup, int applied) {
        String stay = applied == 0 ? "" : "\n  The " + applied + " migration" + (applied == 1 ? "" : "s")
                + " applied before the failure stay" + (applied == 1 ? "s" : "") + " applied.";
        if (backup.taken()) {
            return "The backup taken before this " + what + " holds the database as it was: " + backup.file()
                    + "\n  To go back to it: migrate-watch db restore " + backup.file() + stay;
        }
        return "No backup was taken (" + backup.detail() + ")." + stay
                + "\n  To go back: migrate-watch downgrade --steps " + Math.max(applied, 1);
    }

    /**
     * @param reverted migrations this run reverted before the one that failed
     * @param start    the revision the database was at before the downgrade
     */
    static String afterDowngrade(BackupStep.Result backup, int reverted, String start) {
        String stay = reverted == 0 ? "" : "\n  The " + reverted + " migration" + (reverted == 1 ? "" : "s")
                + " reverted before the failure stay" + (reverted == 1 ? "s" : "") + " reverted.";
        if (backup.taken()) {
            return "The backup taken before this downgrade holds the database as it was: " + backup.file()
                    + "\n  To go back to it: migrate-watch db restore " + backup.file() + stay;
        }
        return "No backup was taken (" + backup.detail() + ")." + stay
                + (reverted == 0 || start == null ? "" : "\n  To go back: migrate-watch upgrade " + start);
    }
}
