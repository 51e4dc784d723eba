package io.migratewatch.workflow;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;
import io.migratewatch.diff.Change;
import io.migratewatch.diff.PossibleRename;
import io.migratewatch.diff.SchemaDiff;
import io.migratewatch.migration.MigrationFile;
import io.migratewatch.migration.MigrationState;
import io.migratewatch.migration.Revisions;
import io.migratewatch.schema.Renames;
import io.migratewatch.source.ParsedModel;
import io.migratewatch.source.SourceProblem;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** {@code generate DESCRIPTION}: diff the models against the database (at head) and write a migration file. */
public final class Generate {

    public record Request(String description, Renames renames, boolean allowDestructive, boolean empty) {
    }

    /** @param file null when there was nothing to write */
    public record Result(MigrationFile file, List<Change> changes, List<PossibleRename> possibleRenames,
                         List<SourceProblem> warnings) {
    }

    private final Project project;

    public Generate(Project project) {
        this.project = project;
    }

    public Result run(Request request) {
        if (request.description() == null || request.description().isBlank()) {
            throw new MigrateWatchException(ExitCode.BAD_INPUT, "a migration needs a description: migrate-watch generate \"add user email\"");
        }
        ParsedModel model = request.empty() ? null : project.models();
        try (Connection c = project.connect()) {
            MigrationState state = project.state(c);
            requireAtHead(state);
            List<String> parents = state.graph().heads();
            if (request.empty()) {
                return new Result(write(request.description(), parents, "", "", "manual"), List.of(), List.of(), List.of());
            }
            Project.Comparison comparison = project.comparison(c, model, request.renames());
            SchemaDiff.Result diff = comparison.diff();
            if (diff.isEmpty()) {
                return new Result(null, List.of(), List.of(), model.warnings());
            }
            if (!request.allowDestructive()) {
                List<DataLoss> losses = DataLossCheck.check(c, project.settings().database().schema(), diff.changes());
                if (!losses.isEmpty()) {
                    throw needsReview(request.description(), losses, diff.possibleRenames());
                }
            }
            // a migration PostgreSQL would refuse (a type it cannot cast) fails here, before any file is written
            ReversibilityProof.Proven proven = new ReversibilityProof(project).prove(c, null, comparison.have(), ignored -> diff,
                    model.schema(), model.unmanagedTables());
            MigrationFile file = write(request.description(), parents, proven.up(), proven.down(), "auto");
            return new Result(file, diff.changes(), diff.possibleRenames(), model.warnings());
        } catch (SQLException e) {
            throw new MigrateWatchException(ExitCode.DATABASE_UNREACHABLE, "database error while generating: " + e.getMessage(), e);
        }
    }

    static void requireAtHead(MigrationState state) {
        state.requireNoDrift();
        if (!state.atHead()) {
            int n = state.pending().size();
            throw new MigrateWatchException(ExitCode.PROBLEMS_FOUND, n + (n == 1 ? " migration" : " migrations")
                    + " pending: run upgrade first, so the new migration starts from the head schema");
        }
        if (state.graph().heads().size() > 1) {
            throw new MigrateWatchException(ExitCode.PROBLEMS_FOUND, "the migrations have " + state.graph().heads().size()
                    + " heads (" + String.join(", ", state.graph().heads()) + "): join them into one before generating");
        }
    }

    private MigrationFile write(String description, List<String> parents, String up, String down, String generated) {
        String revision = Revisions.next();
        MigrationFile draft = new MigrationFile(null, revision, parents, description.strip(), Instant.now(), generated,
                up, down, 0, 0);
        return project.migrations().write(draft);
    }

    private static NeedsReviewException needsReview(String description, List<DataLoss> losses, List<PossibleRename> renames) {
        StringBuilder sb = new StringBuilder("these changes would lose data, so nothing was written:\n");
        losses.forEach(l -> sb.append("  - ").append(l.explanation()).append('\n'));
        if (!renames.isEmpty()) {
            sb.append("If a column was renamed, say so and the data is kept:\n");
            sb.append("  migrate-watch generate \"").append(description).append("\" ")
                    .append(renames.stream().map(PossibleRename::option).collect(Collectors.joining(" "))).append('\n');
            sb.append("  (or put // @renamed from=OLD_NAME above the field)\n");
        }
        sb.append("To accept the loss: migrate-watch generate \"").append(description).append("\" --allow-destructive");
        return new NeedsReviewException(sb.toString(), losses);
    }
}
