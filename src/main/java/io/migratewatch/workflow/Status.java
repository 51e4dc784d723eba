package io.migratewatch.workflow;

import io.migratewatch.MigrateWatchException;
import io.migratewatch.diff.Change;
import io.migratewatch.migration.AppliedMigration;
import io.migratewatch.migration.MigrationFile;
import io.migratewatch.migration.MigrationState;
import io.migratewatch.schema.Renames;
import io.migratewatch.schema.Schema;
import io.migratewatch.source.Coverage;
import io.migratewatch.source.ParsedModel;
import io.migratewatch.source.SourceException;
import io.migratewatch.source.SourceProblem;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** {@code status}: the dashboard a team watches. Never throws for a problem it can report instead. */
public final class Status {

    public enum State { UP_TO_DATE, PENDING, CHECKSUM_MISMATCH, MISSING_FILE, CONFLICT, DRIFT, MODELS_CHANGED, UNKNOWN }

    /**
     * @param databaseError  null when connected
     * @param changedFiles   applied migration files edited since they were applied (CHECKSUM MISMATCH)
     * @param missingFiles   applied revisions no migration file has (MISSING FILE)
     * @param drift          how the live schema differs from what the applied migrations produce (DRIFT), one line
     *                       each; null when it could not be checked ({@code driftNote} says why)
     * @param migrationError null when the migration files are valid
     * @param modelChanges   changes between models and database, or -1 when they could not be compared
     * @param modelWarnings  the models' warnings: what is left out of migrations, and why
     * @param coverage       what the models' migrations cover; null when the models could not be read
     */
    public record Dashboard(State state, String current, List<String> heads, int pending, List<String> changedFiles,
                            List<AppliedMigration> missingFiles, List<String> drift, String driftNote, Instant lastMigration, String databaseVersion, String databaseError, int tables,
                            String migrationError, int modelChanges, String modelError,
                            List<SourceProblem> modelWarnings, Coverage coverage) {

        public Dashboard {
            heads = List.copyOf(heads);
            changedFiles = List.copyOf(changedFiles);
            missingFiles = List.copyOf(missingFiles);
            drift = drift == null ? null : List.copyOf(drift);
            modelWarnings = List.copyOf(modelWarnings);
        }
    }

    private final Project project;

    public Status(Project project) {
        this.project = project;
    }

    public Dashboard run() {
        return run(model -> { });
    }

    /** @param modelRead told the models as soon as they are read, before the database is opened */
    public Dashboard run(Consumer<ParsedModel> modelRead) {
        MigrationState state;
        String version;
        int tables;
        int modelChanges = -1;
        List<String> drift = null;
        String driftNote = null;
        String modelError = null;
        ParsedModel model = null;
        try {
            model = project.models();
            modelRead.accept(model);
        } catch (MigrateWatchException | SourceException | IllegalStateException e) {
            // a broken entity file is something to show on the dashboard, not a reason to show none
            modelError = e.getMessage();
        }
        List<SourceProblem> warnings = model == null ? List.of() : model.warnings();
        Coverage coverage = model == null ? null : model.coverage();
        try (Connection c = project.connect()) {
            version = serverVersion(c);
            Schema live = project.inspect(c);
            tables = live.tables().size();
            try {
                state = project.state(c);
            } catch (MigrateWatchException e) {
                return new Dashboard(State.UNKNOWN, null, List.of(), 0, List.of(), List.of(), null, null, null, version, null, tables,
                        e.getMessage(), -1, modelError, warnings, coverage);
            }
            if (state.changedFiles().isEmpty() && state.missingFiles().isEmpty()) {
                // replaying an edited or missing file would not show what was applied: those states come first
                try {
                    drift = new SchemaDrift(project).between(c, state, live).changes().stream().map(Change::describe).toList();
                } catch (ReplaySchema.ReplayFailed e) {
                    driftNote = "not checked: " + e.getMessage();
                } catch (SQLException e) {
                    driftNote = "not checked: cannot create a scratch database to replay the migrations into ("
                            + e.getMessage().lines().findFirst().orElse("") + ")";
                }
            } else {
                driftNote = "not checked while applied files are changed or missing";
            }
            if (model != null) {
                try {
                    modelChanges = project.comparison(live, model, Renames.NONE).diff().changes().size();
                } catch (MigrateWatchException | IllegalStateException e) {
                    modelError = e.getMessage();
                }
            }
        } catch (MigrateWatchException e) {
            return new Dashboard(State.UNKNOWN, null, List.of(), 0, List.of(), List.of(), null, null, null, null, e.getMessage(), 0, null, -1,
                    modelError, warnings, coverage);
        } catch (SQLException e) {
            return new Dashboard(State.UNKNOWN, null, List.of(), 0, List.of(), List.of(), null, null, null, null, e.getMessage(), 0, null, -1,
                    modelError, warnings, coverage);
        }
        State s;
        if (!state.changedFiles().isEmpty()) {
            s = State.CHECKSUM_MISMATCH;
        } else if (!state.missingFiles().isEmpty()) {
            s = State.MISSING_FILE;
        } else if (state.graph().heads().size() > 1) {
            s = State.CONFLICT;
        } else if (drift != null && !drift.isEmpty()) {
            s = State.DRIFT;
        } else if (!state.pending().isEmpty()) {
            s = State.PENDING;
        } else if (modelChanges > 0) {
            s = State.MODELS_CHANGED;
        } else {
            s = State.UP_TO_DATE;
        }
        Instant last = state.applied().isEmpty() ? null : state.applied().get(state.applied().size() - 1).appliedAt();
        return new Dashboard(s, state.current(), state.graph().heads(), state.pending().size(),
                state.changedFiles().stream().map(MigrationFile::fileName).toList(), state.missingFiles(), drift, driftNote, last,
                version, null, tables, null, modelChanges, modelError, warnings, coverage);
    }

    private static String serverVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1).split(" ")[0];
        }
    }

}
