package io.migratewatch.workflow;

import io.migratewatch.MigrateWatchException;
import io.migratewatch.config.Settings;
import io.migratewatch.db.Database;
import io.migratewatch.db.DatabaseUnreachableException;
import io.migratewatch.db.Databases;
import io.migratewatch.diff.Change;
import io.migratewatch.diff.DataLoss;
import io.migratewatch.diff.SchemaDiff;
import io.migratewatch.migration.MigrationFile;
import io.migratewatch.migration.MigrationState;
import io.migratewatch.migration.RevisionGraph;
import io.migratewatch.schema.Renames;
import io.migratewatch.schema.Schema;
import io.migratewatch.source.LeftOutEntity;
import io.migratewatch.source.ParsedModel;
import io.migratewatch.source.SourceException;
import io.migratewatch.source.SourceProblem;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code check}: the CI gate. The migration files are valid with one head and no draft; the models match the schema the
 * migrations produce (replayed into a scratch database), with no entity left out; and, unless offline, the configured
 * database is at head with no drift. Changes nothing but scratch databases it drops again.
 */
public final class Check {

    /** @param problems one line each; none when the gate passes
     *  @param notes    what was checked, or skipped and why */
    public record Result(List<String> problems, List<String> notes) {
        public Result {
            problems = List.copyOf(problems);
            notes = List.copyOf(notes);
        }

        public boolean passed() {
            return problems.isEmpty();
        }
    }

    private final Project project;
    private final List<String> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public Check(Project project) {
        this.project = project;
    }

    /** @param offline leave the configured database alone: replay into the embedded PostgreSQL */
    public Result run(boolean offline) {
        RevisionGraph graph = null;
        try {
            graph = project.migrations().graph();
        } catch (MigrateWatchException e) {
            problems.add(e.getMessage());
        }
        ParsedModel model = models();
        Schema live = null;
        boolean databaseAtHead = false;
        boolean useDatabase = !offline && !project.settings().database().embedded();
        if (!useDatabase) {
            notes.add(offline ? "database: not checked (--offline)" : "database: not checked (no database.url / DATABASE_URL configured)");
        }
        if (graph != null && useDatabase) {
            try (Connection c = project.connect()) {
                MigrationState state = MigrationState.of(graph, project.history().applied(c));
                List<String> found = MigrationProblems.of(project, state);
                problems.addAll(found);
                if (!state.pending().isEmpty()) {
                    problems.add("PENDING: " + state.pending().size() + (state.pending().size() == 1 ? " migration is" : " migrations are")
                            + " not applied to " + project.database().url().redacted() + " (migrate-watch upgrade, or deploy)");
                }
                databaseAtHead = found.isEmpty() && state.pending().isEmpty();
                live = project.inspect(c);
                notes.add("database: " + project.database().url().redacted() + ", " + state.applied().size() + " applied");
            } catch (DatabaseUnreachableException e) {
                notes.add("database: not reachable, not checked (" + e.getMessage().lines().findFirst().orElse("") + ")");
                useDatabase = false;
            } catch (SQLException e) {
                problems.add("cannot read the database: " + e.getMessage().lines().findFirst().orElse(""));
                useDatabase = false;
            }
        }
        if (graph != null && !useDatabase) {
            problems.addAll(MigrationProblems.of(project, MigrationState.of(graph, List.of())));
        }
        if (graph == null || graph.heads().size() != 1) {
            return new Result(problems, notes);
        }
        Schema head = replay(graph, useDatabase);
        if (head == null) {
            return new Result(problems, notes);
        }
        notes.add("migrations: " + graph.ordered().size() + " files, head " + graph.heads().get(0) + ", replayed ("
                + DataLoss.count(head.tables().size(), "table") + ")");
        if (model != null) {
            List<Change> changes = project.comparison(head, model, Renames.NONE).diff().changes();
            if (!changes.isEmpty()) {
                problems.add("MODELS CHANGED: " + changes.size() + (changes.size() == 1 ? " change is" : " changes are")
                        + " not in a migration — run migrate-watch generate:");
                changes.forEach(ch -> problems.add("  " + ch.describe()));
            }
        }
        if (databaseAtHead && live != null) {
            List<Change> drift = SchemaDiff.between(head, live).changes();
            if (!drift.isEmpty()) {
                problems.add("DRIFT: the live schema differs from the schema the migrations produce (" + drift.size()
                        + (drift.size() == 1 ? " difference" : " differences") + "):");
                drift.forEach(ch -> problems.add("  " + ch.describe()));
            }
        }
        return new Result(problems, notes);
    }

    private ParsedModel models() {
        try {
            ParsedModel model = project.models();
            for (LeftOutEntity e : model.coverage().leftOut()) {
                problems.add("NOT MIGRATED: " + e.describe() + (e.reasons().isEmpty() ? "" : ": " + e.reasons().get(0).format()));
            }
            for (SourceProblem unread : model.coverage().unreadFiles()) {
                problems.add("NOT READ: " + unread.format());
            }
            notes.add("models: " + Math.max(model.coverage().mapped(), 0) + " mapped entities");
            return model;
        } catch (SourceException | MigrateWatchException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    /** The head schema, replayed on the configured server when allowed, else on the embedded PostgreSQL. */
    private Schema replay(RevisionGraph graph, boolean onConfiguredServer) {
        ReplaySchema replay = new ReplaySchema(project);
        List<MigrationFile> migrations = graph.upTo(graph.heads().get(0));
        try {
            if (onConfiguredServer) {
                try (Connection c = project.connect()) {
                    return replay.kept(ReplaySchema.version(c), migrations, () -> replay.replay(project.database(), migrations));
                } catch (SQLException e) {
                    notes.add("cannot create a scratch database on the configured server ("
                            + e.getMessage().lines().findFirst().orElse("") + "): replaying into the embedded PostgreSQL");
                }
            }
            // the embedded PostgreSQL is started only when the result is not kept: its version comes with this build
            return replay.kept("embedded PostgreSQL", migrations, () -> {
                Settings.Database s = project.settings().database();
                try (Database embedded = Databases.open(new Settings.Database("", "postgres", "", s.schema(), s.lockTimeout(),
                        s.embeddedDataDir(), s.embeddedPort()), project.out())) {
                    return replay.replay(embedded, migrations);
                }
            });
        } catch (ReplaySchema.ReplayFailed e) {
            problems.add(e.getMessage());
        } catch (SQLException e) {
            problems.add("cannot replay the migrations: " + e.getMessage().lines().findFirst().orElse(""));
        }
        return null;
    }
}
