package io.migratewatch.workflow;

/**
 * What to tell the user after a migration failed, following the rollback workflow, about what this
 * run changed and nothing else: when it applied nothing, it says so and names no way back (a
 * downgrade then would revert migrations applied before, by other runs); otherwise, with a backup,
 * the exact command that restores it, and without one the downgrade that undoes what the run applied.
 * In production those commands ask for {@code --yes}, so the advice carries it.
 */
final class RollbackAdvice {

    private RollbackAdvice() {
    }

    /**
     * @param what    "upgrade" or "daemon"
     * @param applied migrations this run applied before the one that failed (they stay applied)
     */
    static String afterUpgrade(String what, BackupStep.Result backup, int applied, boolean production) {
        if (applied == 0) {
            return nothingChanged("applied", what, backup);
        }
        String stay = "\n  The " + applied + " migration" + (applied == 1 ? "" : "s")
                + " applied before the failure stay" + (applied == 1 ? "s" : "") + " applied.";
        if (backup.taken()) {
            return "The backup taken before this " + what + " holds the database as it was: " + backup.file()
                    + "\n  To go back to it: " + command("db restore " + backup.file(), production) + stay;
        }
        return "No backup was taken (" + backup.detail() + ")." + stay
                + "\n  To go back: " + command("downgrade --steps " + applied, production);
    }

    /**
     * @param reverted migrations this run reverted before the one that failed
     * @param start    the revision the database was at before the downgrade
     */
    static String afterDowngrade(BackupStep.Result backup, int reverted, String start, boolean production) {
        if (reverted == 0) {
            return nothingChanged("reverted", "downgrade", backup);
        }
        String stay = "\n  The " + reverted + " migration" + (reverted == 1 ? "" : "s")
                + " reverted before the failure stay" + (reverted == 1 ? "s" : "") + " reverted.";
        if (backup.taken()) {
            return "The backup taken before this downgrade holds the database as it was: " + backup.file()
                    + "\n  To go back to it: " + command("db restore " + backup.file(), production) + stay;
        }
        return "No backup was taken (" + backup.detail() + ")." + stay
                + (start == null ? "" : "\n  To go back: migrate-watch upgrade " + start);
    }

    private static String command(String args, boolean production) {
        return "migrate-watch " + args + (production ? " --yes" : "");
    }

    /** A run that changed nothing gives no way back: following one would undo what earlier runs did. */
    private static String nothingChanged(String verb, String what, BackupStep.Result backup) {
        return "Nothing was " + verb + ": the database is as it was before this " + what + ", so there is nothing to undo."
                + (backup.taken() ? " (The backup taken before it: " + backup.file() + ")" : "");
    }
}
