package io.migratewatch.workflow;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;
import io.migratewatch.db.DatabaseErrors;
import io.migratewatch.diff.Change;
import io.migratewatch.diff.DataLoss;
import io.migratewatch.diff.PossibleRename;
import io.migratewatch.migration.HistoryTable;
import io.migratewatch.migration.MigrationFile;
import io.migratewatch.migration.MigrationState;
import io.migratewatch.migration.Revisions;
import io.migratewatch.schema.Renames;
import io.migratewatch.source.Coverage;
import io.migratewatch.source.ParsedModel;
import io.migratewatch.source.SourceProblem;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** {@code generate DESCRIPTION}: diff the models against the database (at head) and write a migration file. */
public final class Generate {

    public record Request(String description, Renames renames, boolean allowDestructive, boolean empty) {
    }

    /**
     * @param files    the migrations written, in order: none when there was nothing to write, several when the
     *                 changes need more locks than one transaction may hold on this server
     * @param coverage what the models' migrations cover (entities left out, mapping files not read); null for --empty
     */
    public record Result(List<MigrationFile> files, List<Change> changes, List<PossibleRename> possibleRenames,
                         List<SourceProblem> warnings, Coverage coverage) {

        public Result {
            files = List.copyOf(files);
        }

        /** The last migration written (the new head), or null when nothing was written. */
        public MigrationFile file() {
            return files.isEmpty() ? null : files.get(files.size() - 1);
        }
    }

    private final Project project;

    public Generate(Project project) {
        this.project = project;
    }

    public Result run(Request request) {
        return run(request, model -> { });
    }

    /**
     * @param modelRead told the models as soon as they are read, before the database is opened: a front end
     *                  says what is left out of them before anything else
     */
    public Result run(Request request, Consumer<ParsedModel> modelRead) {
        String description = request.description() == null ? "" : request.description().strip();
        if (description.isEmpty()) {
            throw new MigrateWatchException(ExitCode.BAD_INPUT, "a migration needs a description: migrate-watch generate \"add user email\"");
        }
        if (description.length() > HistoryTable.DESCRIPTION_LENGTH) {
            throw new MigrateWatchException(ExitCode.BAD_INPUT, "the description has " + description.length()
                    + " characters; the history keeps at most " + HistoryTable.DESCRIPTION_LENGTH + ": say it shorter");
        }
        ParsedModel model = request.empty() ? null : project.models();
        if (model != null) {
            modelRead.accept(model);
        }
        // under the lock, so that no migration is applied between the check that the database is at head and the proof
        try (Connection c = project.connect(); MigrationLock lock = project.lock()) {
            MigrationState state = project.state(c);
            requireAtHead(state);
            List<String> parents = state.graph().heads();
            if (request.empty()) {
                return new Result(List.of(write(description, parents, "", "", "manual", null)), List.of(), List.of(), List.of(), null);
            }
            // the proof runs the sections on this database (rolled back): it waits for table locks as a migration would
            Plan plan = LockSafety.runner(project, c, null).limited(c, () -> new PlanMigration(project).plan(c, model,
                    PlanMigration.Request.newMigration(request.renames(), request.allowDestructive())));
            if (plan instanceof Plan.NeedsReview review) {
                throw new NeedsReviewException("these changes would lose data, so nothing was written:\n  - "
                        + String.join("\n  - ", review.losses().stream().map(DataLoss::explanation).toList())
                        + "\n" + review.howToProceed(description), review.losses());
            }
            if (!(plan instanceof Plan.Planned planned)) {
                return new Result(List.of(), List.of(), List.of(), model.warnings(), model.coverage());
            }
            List<MigrationFile> files = new ArrayList<>();
            int parts = planned.migrations().size();
            for (ProvenMigration part : planned.migrations()) {
                // a large migration in parts: each its own file, sealed, so the daemon never folds into one of them
                String named = parts == 1 ? description : description + " (part " + (files.size() + 1) + " of " + parts + ")";
                MigrationFile file = write(named, parents, part, parts == 1 ? null : Instant.now());
                files.add(file);
                parents = List.of(file.revision());
            }
            return new Result(files, planned.changes().changes(), planned.changes().possibleRenames(), model.warnings(),
                    model.coverage());
        } catch (SQLException e) {
            throw DatabaseErrors.whileChanging("generating a migration", e);
        }
    }

    static void requireAtHead(MigrationState state) {
        state.requireAppliedFilesUnchanged();
        if (!state.atHead()) {
            int n = state.pending().size();
            throw new MigrateWatchException(ExitCode.PROBLEMS_FOUND, n + (n == 1 ? " migration" : " migrations")
                    + " pending: run upgrade first, so the new migration starts from the head schema");
        }
        if (state.graph().heads().size() > 1) {
            throw new MigrateWatchException(ExitCode.PROBLEMS_FOUND, "the migrations have " + state.graph().heads().size()
                    + " heads (" + String.join(", ", state.graph().heads()) + "): run migrate-watch merge before generating");
        }
    }

    private MigrationFile write(String description, List<String> parents, ProvenMigration part, Instant sealed) {
        return write(new MigrationFile(null, Revisions.next(), parents, description.strip(), Instant.now(), "auto",
                part.up(), part.down(), 0, 0, sealed, part.proofWhenApplied()));
    }

    private MigrationFile write(String description, List<String> parents, String up, String down, String generated, Instant sealed) {
        return write(new MigrationFile(null, Revisions.next(), parents, description.strip(), Instant.now(), generated,
                up, down, 0, 0, sealed));
    }

    private MigrationFile write(MigrationFile draft) {
        return project.migrations().write(draft);
    }
}
