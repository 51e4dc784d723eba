package io.migratewatch.migration;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Files compared with the history table: what is applied, what is pending, and what has changed
 * (an applied file whose SQL changed since) or gone missing (applied, but no file).
 */
public record MigrationState(RevisionGraph graph, List<AppliedMigration> applied, List<MigrationFile> pending,
                             List<MigrationFile> changedFiles, List<AppliedMigration> missingFiles) {

    public static MigrationState of(RevisionGraph graph, List<AppliedMigration> applied) {
        Map<String, AppliedMigration> byRevision = applied.stream()
                .collect(Collectors.toMap(AppliedMigration::revision, Function.identity(), (a, b) -> a));
        List<MigrationFile> pending = graph.ordered().stream().filter(f -> !byRevision.containsKey(f.revision())).toList();
        List<MigrationFile> changedFiles = graph.ordered().stream()
                .filter(f -> byRevision.containsKey(f.revision()) && !byRevision.get(f.revision()).checksum().equals(f.checksum()))
                .toList();
        List<AppliedMigration> missing = applied.stream().filter(a -> graph.get(a.revision()).isEmpty()).toList();
        return new MigrationState(graph, applied, pending, changedFiles, missing);
    }

    /** Refuses to go on when an applied file was edited since it was applied: the database no longer matches it. */
    public void requireAppliedFilesUnchanged() {
        if (!changedFiles.isEmpty()) {
            throw new MigrateWatchException(ExitCode.PROBLEMS_FOUND, "CHECKSUM MISMATCH: applied migrations changed since they were applied: "
                    + changedFiles.stream().map(MigrationFile::fileName).collect(Collectors.joining(", "))
                    + "\n  Restore the files as they were applied (git checkout), or downgrade before editing them."
                    + (changedFiles.stream().anyMatch(MigrationFile::isOpenDaemonMigration)
                    ? "\n  A migration the daemon wrote and nobody committed yet is put back as it was applied when migrate-watch start"
                    + " runs, when the history holds the text that was applied (column applied_text)." : ""));
        }
    }

    public boolean atHead() {
        return pending.isEmpty();
    }

    /** The newest applied revision, or null when nothing is applied. */
    public String current() {
        return applied.isEmpty() ? null : applied.get(applied.size() - 1).revision();
    }

    public Set<String> appliedRevisions() {
        return applied.stream().map(AppliedMigration::revision).collect(Collectors.toSet());
    }
}
