package io.migratewatch.cli;

import io.migratewatch.source.Coverage;
import io.migratewatch.source.SourceProblem;
import io.migratewatch.workflow.BackupBeforeMigration;
import io.migratewatch.workflow.BackupStep;
import io.migratewatch.workflow.Project;
import io.migratewatch.workflow.Upgrade;

import java.util.ArrayList;
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

    /**
     * "Nothing to do", without ever claiming that the database matches the models when part of them
     * is left out: {@code No changes for the 79 mapped entities; 2 entities are not migrated (see the warnings above)}.
     */
    static String noChanges(Coverage coverage, String whenComplete) {
        if (coverage == null || coverage.complete()) {
            return whenComplete;
        }
        int n = coverage.mapped();
        return "No changes for the " + (n < 0 ? "" : n + " ") + "mapped " + (n == 1 ? "entity" : "entities") + "; "
                + String.join(" and ", gaps(coverage, " is not migrated", " are not migrated", " is not read", " are not read"))
                + " (see the warnings above)";
    }

    /** {@code 2 entities are not migrated (see the warnings above)}, or null when nothing is left out. */
    static String notMigrated(Coverage coverage) {
        if (coverage == null || coverage.complete()) {
            return null;
        }
        return String.join(" and ", gaps(coverage, " is not migrated", " are not migrated", " is not read", " are not read"))
                + " (see the warnings above)";
    }

    /** The dashboard's {@code 2 entities not migrated}, or null when nothing is left out. */
    static String notMigratedShort(Coverage coverage) {
        if (coverage == null || coverage.complete()) {
            return null;
        }
        return String.join(", ", gaps(coverage, " not migrated", " not migrated", " not read", " not read"));
    }

    private static List<String> gaps(Coverage c, String entityOne, String entityMany, String fileOne, String fileMany) {
        List<String> parts = new ArrayList<>();
        int left = c.leftOut().size();
        if (left > 0) {
            parts.add(left + (left == 1 ? " entity" + entityOne : " entities" + entityMany));
        }
        int files = c.unreadFiles().size();
        if (files > 0) {
            parts.add(files + (files == 1 ? " mapping file" + fileOne : " mapping files" + fileMany));
        }
        return parts;
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
