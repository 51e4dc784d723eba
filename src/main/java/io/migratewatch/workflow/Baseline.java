package io.migratewatch.workflow;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;
import io.migratewatch.db.DatabaseErrors;
import io.migratewatch.db.Transaction;
import io.migratewatch.diff.Change;
import io.migratewatch.diff.SchemaDiff;
import io.migratewatch.migration.AppliedMigration;
import io.migratewatch.migration.MigrationFile;
import io.migratewatch.migration.Revisions;
import io.migratewatch.schema.Renames;
import io.migratewatch.schema.Schema;
import io.migratewatch.source.Coverage;
import io.migratewatch.source.ParsedModel;
import io.migratewatch.source.SourceException;
import io.migratewatch.source.SourceProblem;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * {@code baseline DESCRIPTION}: adopts an existing database. Its current schema becomes the first migration
 * ({@code generated: baseline}), recorded as applied without running it; then what the models would change is shown,
 * so that the next {@code generate} starts from the truth.
 */
public final class Baseline {

    /** The {@code generated} value of a baseline migration. */
    public static final String GENERATED = "baseline";

    /**
     * @param modelChanges what a migration would change to reach the models; null when the models could not be read
     * @param modelError   why the models could not be read, else null
     */
    public record Result(MigrationFile file, int tables, int sequences, List<Change> modelChanges, String modelError,
                         List<SourceProblem> modelWarnings, Coverage coverage) {
    }

    private final Project project;

    public Baseline(Project project) {
        this.project = project;
    }

    public Result run(String description) {
        int existing = project.migrations().load().size();
        if (existing > 0) {
            throw new MigrateWatchException(ExitCode.PROBLEMS_FOUND, project.display(project.migrations().path()) + " already holds "
                    + existing + (existing == 1 ? " migration file" : " migration files") + ": baseline starts a history, it does"
                    + " not add to one. Use migrate-watch generate for the next migration");
        }
        try (Connection c = project.connect()) {
            List<AppliedMigration> applied = project.history().applied(c);
            if (!applied.isEmpty()) {
                throw new MigrateWatchException(ExitCode.PROBLEMS_FOUND, "the database already has a migration history ("
                        + applied.size() + " applied, the newest " + applied.get(applied.size() - 1).revision()
                        + "): baseline only adopts a database without one. Nothing was written");
            }
            Schema live = project.inspect(c);
            if (live.tables().isEmpty() && live.sequences().isEmpty()) {
                throw new MigrateWatchException(ExitCode.PROBLEMS_FOUND, "schema " + project.settings().database().schema()
                        + " has no tables: there is nothing to adopt. Use migrate-watch generate for the first migration");
            }
            SchemaDiff.Result create = SchemaDiff.between(Schema.EMPTY, live);
            MigrationFile draft = new MigrationFile(null, Revisions.next(), List.of(), description.strip(), Instant.now(), GENERATED,
                    project.renderer().script(create.changes()), project.renderer().script(create.reversed()), 0, 0);
            MigrationFile file = project.migrations().write(draft);
            try {
                record(c, file);
            } catch (SQLException | RuntimeException e) {
                project.migrations().delete(file);
                throw e;
            }
            return withModels(file, live);
        } catch (SQLException e) {
            throw DatabaseErrors.whileChanging("recording the baseline", e);
        }
    }

    private void record(Connection c, MigrationFile file) throws SQLException {
        try (MigrationLock lock = project.lock()) {
            Transaction.run(c, () -> {
                project.history().ensureExists(c);
                if (!project.history().applied(c).isEmpty()) {
                    throw new MigrateWatchException(ExitCode.PROBLEMS_FOUND, "another process recorded a migration meanwhile: nothing was written");
                }
                project.history().record(c, file, 0, GENERATED);
                return null;
            });
        }
    }

    private Result withModels(MigrationFile file, Schema live) {
        try {
            ParsedModel model = project.models();
            List<Change> changes = project.comparison(live, model, Renames.NONE).diff().changes();
            return new Result(file, live.tables().size(), live.sequences().size(), changes, null, model.warnings(), model.coverage());
        } catch (SourceException | MigrateWatchException e) {
            return new Result(file, live.tables().size(), live.sequences().size(), null, e.getMessage(), List.of(), null);
        }
    }
}
