package io.migratewatch.workflow;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;
import io.migratewatch.config.Settings;
import io.migratewatch.diff.PossibleRename;
import io.migratewatch.diff.SchemaDiff;
import io.migratewatch.migration.Direction;
import io.migratewatch.migration.GitHistory;
import io.migratewatch.migration.MigrationFailedException;
import io.migratewatch.migration.MigrationFile;
import io.migratewatch.migration.MigrationState;
import io.migratewatch.migration.Revisions;
import io.migratewatch.schema.Renames;
import io.migratewatch.schema.Schema;
import io.migratewatch.source.ParsedModel;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The daemon's use case: the models changed, so bring the database along. Diff → (hold if data
 * would be lost) → write a migration, or fold into the open one → prove it reversible → back up →
 * apply → record. Returns what happened; the daemon decides what to say.
 */
public final class AutoMigrate {

    public enum Kind { NO_CHANGES, MODELS_CHANGED, HELD, GENERATED, APPLIED, FOLDED, FOLDED_AWAY, PENDING }

    /**
     * @param migration the migration written or folded into (null for NO_CHANGES, MODELS_CHANGED, HELD, PENDING)
     * @param changes   how many changes the models had against the database
     */
    public record Outcome(Kind kind, String description, MigrationFile migration, long millis, int changes,
                          List<DataLoss> losses, List<PossibleRename> possibleRenames, String backup) {

        static Outcome of(Kind kind, String description, int changes) {
            return new Outcome(kind, description, null, 0, changes, List.of(), List.of(), null);
        }
    }

    private final Project project;
    private final BackupStep backup;

    public AutoMigrate(Project project, BackupStep backup) {
        this.project = project;
        this.backup = backup;
    }

    public Outcome run(ParsedModel model) {
        Settings.Watcher flags = project.settings().watcher();
        long start = System.nanoTime();
        try (Connection c = project.connect()) {
            MigrationState state = project.state(c);
            state.requireNoDrift();
            MigrationFile open = foldable(state, flags);
            boolean openIsPending = open != null && state.pending().size() == 1 && state.pending().get(0).equals(open);
            if (!state.pending().isEmpty() && !openIsPending) {
                return Outcome.of(Kind.PENDING, state.pending().size() + " migrations pending: run migrate-watch upgrade", 0);
            }
            Project.Comparison comparison = project.comparison(c, model, Renames.NONE);
            SchemaDiff.Result diff = comparison.diff();
            if (diff.isEmpty()) {
                return Outcome.of(Kind.NO_CHANGES, "", 0);
            }
            int changes = diff.changes().size();
            if (!flags.autoGenerate()) {
                return Outcome.of(Kind.MODELS_CHANGED, Descriptions.of(diff.changes()), changes);
            }
            List<DataLoss> losses = DataLossCheck.check(c, project.settings().database().schema(), diff.changes());
            if (!losses.isEmpty()) {
                return new Outcome(Kind.HELD, Descriptions.of(diff.changes()), null, 0, changes, losses, diff.possibleRenames(), null);
            }
            Schema want = model.schema().without(model.unmanagedTables());
            if (open != null) {
                return fold(c, open, openIsPending, model, want, diff, start);
            }
            return create(c, state, model, want, comparison, start);
        } catch (SQLException e) {
            if (io.migratewatch.db.ConnectionLoss.is(e)) {
                throw new io.migratewatch.db.DatabaseUnreachableException("lost the connection to "
                        + project.database().url().hostAndPort() + ": " + e.getMessage(), e);
            }
            throw new MigrateWatchException(ExitCode.MIGRATION_FAILED, "database error: " + e.getMessage(), e);
        }
    }

    /** The newest migration, if the daemon may still fold changes into it. */
    private MigrationFile foldable(MigrationState state, Settings.Watcher flags) {
        List<String> heads = state.graph().heads();
        if (!flags.fold() || heads.size() != 1) {
            return null;
        }
        MigrationFile head = state.graph().get(heads.get(0)).orElseThrow();
        if (!head.isOpenDaemonMigration()) {
            return null;
        }
        Optional<Boolean> committed = GitHistory.everCommitted(head.path());
        return committed.orElse(false) ? null : head;
    }

    private Outcome create(Connection c, MigrationState state, ParsedModel model, Schema want, Project.Comparison comparison, long start)
            throws SQLException {
        SchemaDiff.Result diff = comparison.diff();
        String description = Descriptions.of(diff.changes());
        ReversibilityProof.Proven proven = new ReversibilityProof(project).prove(c, null, comparison.have(), ignored -> diff, want, model.unmanagedTables());
        MigrationFile draft = new MigrationFile(null, Revisions.next(), state.graph().heads(),
                description, Instant.now(), MigrationFile.DAEMON, proven.up(), proven.down(), 0, 0);
        MigrationFile file = project.migrations().write(draft);
        if (!project.settings().watcher().autoApply()) {
            return new Outcome(Kind.GENERATED, description, file, millis(start), diff.changes().size(), List.of(), diff.possibleRenames(), null);
        }
        BackupStep.Result backedUp = backup.before(c, file.revision());
        apply(c, file, backedUp);
        return new Outcome(Kind.APPLIED, description, file, millis(start), diff.changes().size(), List.of(), diff.possibleRenames(), backedUp.note());
    }

    /**
     * Rewrites the open migration as the net change from its parent to the models; the database
     * receives only the increment, so its data stays.
     */
    private Outcome fold(Connection c, MigrationFile open, boolean openIsPending, ParsedModel model, Schema want,
                         SchemaDiff.Result increment, long start) throws SQLException {
        // the parent's schema is read inside the proof's transaction, after the open migration's down section
        ReversibilityProof.Proven net = new ReversibilityProof(project).prove(c, openIsPending ? null : open,
                parent -> SchemaDiff.between(parent, want, model.renames()), want, model.unmanagedTables());
        boolean autoApply = project.settings().watcher().autoApply();
        if (net.isEmpty()) {
            // the changes cancelled out: the migration goes away
            if (!openIsPending) {
                project.runner().fold(c, open, project.renderer().render(increment.changes()), null, null);
            }
            project.migrations().delete(open);
            return new Outcome(Kind.FOLDED_AWAY, "changes of " + open.shortRevision() + " undone", open, millis(start), 0, List.of(), List.of(), null);
        }
        String description = Descriptions.of(net.diff().changes());
        MigrationFile previous = open;
        MigrationFile rewritten = project.migrations().rewrite(open.withContent(description, net.up(), net.down()));
        List<PossibleRename> renames = net.diff().possibleRenames();
        if (openIsPending) {
            if (!autoApply) {
                return new Outcome(Kind.GENERATED, description, rewritten, millis(start), increment.changes().size(), List.of(), renames, null);
            }
            BackupStep.Result backedUp = backup.before(c, rewritten.revision());
            apply(c, rewritten, backedUp);
            return new Outcome(Kind.APPLIED, description, rewritten, millis(start), increment.changes().size(), List.of(), renames, backedUp.note());
        }
        BackupStep.Result backedUp = backup.before(c, rewritten.revision());
        try {
            project.runner().fold(c, rewritten, project.renderer().render(increment.changes()), rewritten, backedUp.file());
        } catch (MigrationFailedException e) {
            project.migrations().rewrite(rewritten.withContent(previous.description(), previous.up(), previous.down()));
            throw e.withAdvice(RollbackAdvice.afterUpgrade("migration", backedUp, 0));
        } catch (RuntimeException | SQLException e) {
            project.migrations().rewrite(rewritten.withContent(previous.description(), previous.up(), previous.down()));
            throw e;
        }
        return new Outcome(Kind.FOLDED, description, rewritten, millis(start), increment.changes().size(), List.of(), renames, backedUp.note());
    }

    /** Applies a migration the daemon wrote, recording the backup taken before it; a failure names the way back. */
    private void apply(Connection c, MigrationFile file, BackupStep.Result backedUp) throws SQLException {
        try {
            project.runner().run(c, file, Direction.UP, "daemon", backedUp.file());
        } catch (MigrationFailedException e) {
            throw e.withAdvice(RollbackAdvice.afterUpgrade("migration", backedUp, 0));
        }
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
