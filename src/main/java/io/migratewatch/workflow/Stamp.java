package io.migratewatch.workflow;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;
import io.migratewatch.db.DatabaseErrors;
import io.migratewatch.db.Transaction;
import io.migratewatch.migration.AppliedMigration;
import io.migratewatch.migration.HistoryTable;
import io.migratewatch.migration.MigrationFile;
import io.migratewatch.migration.RevisionGraph;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code stamp REV|head|base}: makes the history say that REV and its ancestors are applied, and nothing else, without
 * running any SQL ({@code base}: nothing is applied). For a database whose schema is already right.
 */
public final class Stamp {

    /** @param recorded revisions added to the history; @param removed revisions taken out of it */
    public record Result(String target, List<String> recorded, List<String> removed) {
        public Result {
            recorded = List.copyOf(recorded);
            removed = List.copyOf(removed);
        }
    }

    private final Project project;

    public Stamp(Project project) {
        this.project = project;
    }

    public Result run(String target) {
        RevisionGraph graph = project.migrations().graph();
        List<MigrationFile> wanted = wanted(graph, target);
        Set<String> keep = wanted.stream().map(MigrationFile::revision).collect(Collectors.toSet());
        HistoryTable history = project.history();
        try (Connection c = project.connect(); MigrationLock lock = project.lock()) {
            return Transaction.run(c, () -> {
                history.ensureExists(c);
                List<AppliedMigration> applied = history.applied(c);
                Set<String> present = applied.stream().map(AppliedMigration::revision).collect(Collectors.toSet());
                List<String> removed = new ArrayList<>();
                for (AppliedMigration a : applied) {
                    if (!keep.contains(a.revision())) {
                        history.remove(c, a.revision());
                        removed.add(a.revision());
                    }
                }
                List<String> recorded = new ArrayList<>();
                for (MigrationFile m : wanted) {
                    if (!present.contains(m.revision())) {
                        history.record(c, m, 0, "stamp");
                        recorded.add(m.revision());
                    }
                }
                return new Result(wanted.isEmpty() ? "base" : wanted.get(wanted.size() - 1).revision(), recorded, removed);
            });
        } catch (SQLException e) {
            throw DatabaseErrors.whileChanging("stamping the history", e);
        }
    }

    private static List<MigrationFile> wanted(RevisionGraph graph, String target) {
        if (target.equals("base")) {
            return List.of();
        }
        if (target.equals("head")) {
            List<String> heads = graph.heads();
            if (heads.size() != 1) {
                throw new MigrateWatchException(ExitCode.PROBLEMS_FOUND, heads.isEmpty() ? "there are no migrations to stamp"
                        : "the migrations have " + heads.size() + " heads: stamp one of them by revision (migrate-watch history lists them)");
            }
            return graph.upTo(heads.get(0));
        }
        MigrationFile m = graph.find(target).orElseThrow(() -> new MigrateWatchException(ExitCode.BAD_INPUT,
                "no migration has revision " + target + " (see migrate-watch history); use head, base or a revision"));
        return graph.upTo(m.revision());
    }
}
