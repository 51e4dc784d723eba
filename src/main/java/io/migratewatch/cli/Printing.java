package io.migratewatch.cli;

import io.migratewatch.source.SourceProblem;
import io.migratewatch.workflow.BackupBeforeMigration;
import io.migratewatch.workflow.BackupStep;
import io.migratewatch.workflow.Project;
import io.migratewatch.workflow.Upgrade;

import java.util.List;

/** Output shared by several commands. */
final class Printing {

    private Printing() {
    }

    static void warnings(MigrateWatchCommand root, List<SourceProblem> warnings) {
        for (SourceProblem w : warnings) {
            root.err.println("⚠ " + w.format());
        }
    }

    /** The backup before upgrade or downgrade: as the settings say, unless --no-backup; a progress bar on a terminal. */
    static BackupStep backupStep(MigrateWatchCommand root, Project project, String how, boolean noBackup) {
        return noBackup ? BackupStep.skipped("--no-backup") : new BackupBeforeMigration(project, how, ProgressBar.forCommand(root));
    }

    static void steps(MigrateWatchCommand root, Upgrade.Result result, String verb, String nothing) {
        if (result.sql() != null) {
            root.out.println(result.sql());
            return;
        }
        if (result.applied().isEmpty()) {
            root.out.println(nothing);
            return;
        }
        if (result.backup() != null) {
            root.out.println(result.backup());
        }
        for (Upgrade.Step step : result.applied()) {
            root.out.println("✓ " + verb + " " + step.migration().fileName() + " in " + step.millis() + " ms");
        }
    }
}
