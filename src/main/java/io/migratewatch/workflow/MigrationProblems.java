package io.migratewatch.workflow;

import io.migratewatch.migration.AppliedMigration;
import io.migratewatch.migration.GitHistory;
import io.migratewatch.migration.MigrationFile;
import io.migratewatch.migration.MigrationState;

import java.util.ArrayList;
import java.util.List;

/**
 * What stops migrations from being deployed, one line each: several heads, an applied file edited since, an applied
 * revision without its file, a migration the watch daemon may still fold changes into. {@code deploy} and
 * {@code check} say the same words.
 */
final class MigrationProblems {

    private MigrationProblems() {
    }

    /** @param state the files against the history (an empty history when there is no database to ask) */
    static List<String> of(Project project, MigrationState state) {
        List<String> problems = new ArrayList<>();
        List<String> heads = state.graph().heads();
        if (heads.isEmpty()) {
            problems.add("NO MIGRATIONS: " + project.display(project.migrations().path())
                    + " holds no migration files (check migrations.dir; write the first with migrate-watch generate or baseline)");
        }
        HeadsConflict.of(state.graph()).ifPresent(problems::add);
        for (MigrationFile f : state.changedFiles()) {
            problems.add("CHECKSUM MISMATCH: " + f.fileName() + " changed after it was applied: restore it as it was applied"
                    + " (git checkout), or downgrade before editing it");
        }
        for (AppliedMigration a : state.missingFiles()) {
            problems.add("MISSING FILE: revision " + a.revision() + " (" + a.description() + ") is applied, but no file in "
                    + project.display(project.migrations().path()) + " has it: restore the file (was it deleted, or not pulled?)");
        }
        if (heads.size() == 1) {
            MigrationFile head = state.graph().get(heads.get(0)).orElseThrow();
            if (head.isOpenDaemonMigration() && GitHistory.everCommitted(head.path()).map(committed -> !committed).orElse(false)) {
                problems.add("DRAFT: " + head.fileName() + " is still open: the watch daemon folds further model changes into it."
                        + " Commit it (or run migrate-watch seal) first");
            }
        }
        return problems;
    }
}
