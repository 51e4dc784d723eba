package io.migratewatch.workflow;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;
import io.migratewatch.db.DatabaseErrors;
import io.migratewatch.migration.AppliedMigration;
import io.migratewatch.migration.MigrationFile;
import io.migratewatch.migration.MigrationState;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code history}: every migration, newest first, applied or pending, with its checksum state. */
public final class History {

    public enum ChecksumState { OK, CHANGED, NOT_APPLIED, FILE_MISSING }

    /** @param file null when the history table names a revision whose file is gone */
    public record Entry(String revision, String description, Instant created, MigrationFile file,
                        AppliedMigration applied, ChecksumState checksum) {
    }

    private final Project project;

    public History(Project project) {
        this.project = project;
    }

    public List<Entry> run() {
        try (Connection c = project.connect()) {
            return entries(project.state(c));
        } catch (SQLException e) {
            throw DatabaseErrors.whileReading("reading the history", e);
        }
    }

    static List<Entry> entries(MigrationState state) {
        Map<String, AppliedMigration> applied = state.applied().stream()
                .collect(Collectors.toMap(AppliedMigration::revision, Function.identity(), (a, b) -> a));
        List<Entry> entries = new ArrayList<>();
        for (MigrationFile f : state.graph().ordered()) {
            AppliedMigration a = applied.get(f.revision());
            ChecksumState cs = a == null ? ChecksumState.NOT_APPLIED
                    : a.checksum().equals(f.checksum()) ? ChecksumState.OK : ChecksumState.CHANGED;
            entries.add(new Entry(f.revision(), f.description(), f.created(), f, a, cs));
        }
        for (AppliedMigration a : state.missingFiles()) {
            entries.add(new Entry(a.revision(), a.description(), a.appliedAt(), null, a, ChecksumState.FILE_MISSING));
        }
        java.util.Collections.reverse(entries);
        return entries;
    }
}
