package io.migratewatch.workflow;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;
import io.migratewatch.migration.MigrationFile;
import io.migratewatch.migration.RevisionGraph;

import java.time.Instant;
import java.util.List;

/** {@code seal [DESCRIPTION]}: finish the migration the daemon folds changes into; the next change starts a new one. */
public final class Seal {

    private final Project project;

    public Seal(Project project) {
        this.project = project;
    }

    public MigrationFile run(String description) {
        RevisionGraph graph = project.migrations().graph();
        List<String> heads = graph.heads();
        if (heads.size() != 1) {
            throw new MigrateWatchException(ExitCode.PROBLEMS_FOUND, heads.isEmpty()
                    ? "there is no migration to seal" : "the migrations have " + heads.size() + " heads: nothing is open for folding");
        }
        MigrationFile head = graph.get(heads.get(0)).orElseThrow();
        if (head.sealed() != null) {
            throw new MigrateWatchException(ExitCode.PROBLEMS_FOUND, head.fileName() + " is already sealed");
        }
        if (!head.isOpenDaemonMigration()) {
            throw new MigrateWatchException(ExitCode.PROBLEMS_FOUND, head.fileName() + " was not written by the daemon (generated: "
                    + head.generated() + "): the daemon never folds into it, so there is nothing to seal");
        }
        String newDescription = description == null || description.isBlank() ? head.description() : description.strip();
        return project.migrations().rewrite(head.sealedAt(Instant.now(), newDescription));
    }
}
