package io.migratewatch.workflow;

import io.migratewatch.config.Settings;
import io.migratewatch.diff.Change;
import io.migratewatch.diff.SchemaDiff;
import io.migratewatch.diff.TouchedTables;
import io.migratewatch.db.DatabaseErrors;
import io.migratewatch.migration.Direction;
import io.migratewatch.migration.GitHistory;
import io.migratewatch.migration.MigrationFailedException;
import io.migratewatch.migration.MigrationFile;
import io.migratewatch.migration.MigrationRunner;
import io.migratewatch.migration.MigrationState;
import io.migratewatch.migration.Revisions;
import io.migratewatch.migration.StagedMigrationFile;
import io.migratewatch.schema.Renames;
import io.migratewatch.source.ParsedModel;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The daemon's use case: the models changed, so bring the database along. Plan (hold what would
 * lose data, prove the rest reversible) → stage a migration file, or the open one's new text → back up →
 * apply and record → move the file into place. Returns what happened; the daemon decides what to say.
 */
public final class AutoMigrate {

    private final Project project;
    private final BackupStep backup;
    /** What this instance last wrote and applied, so that the next fold into it reads again only what it changed; or null. */
    private Written written;

    /** A migration this instance applied, by its revision and checksum, with the tables its sections change. */
    private record Written(String revision, String checksum, Set<String> touches) {

        static Written of(MigrationFile placed, SchemaDiff.Result diff) {
            Set<String> touches = new TreeSet<>(TouchedTables.of(diff.changes()));
            touches.addAll(TouchedTables.of(diff.reversed()));
            return new Written(placed.revision(), placed.checksum(), touches);
        }

        /** The tables, when {@code open} is still the very migration this instance wrote. */
        Set<String> touchesOf(MigrationFile open) {
            return open.revision().equals(revision) && open.checksum().equals(checksum) ? touches : null;
        }
    }

    public AutoMigrate(Project project, BackupStep backup) {
        this.project = project;
        this.backup = backup;
    }

    public AutoMigrateOutcome run(ParsedModel model) {
        Written last = written;
        // set again only by a run that applies a migration it can fold into later
        written = null;
        Settings.Watcher flags = project.settings().watcher();
        long start = System.nanoTime();
        try (Connection c = project.connect(); MigrationLock lock = project.lock()) {
            MigrationState state = project.state(c);
            state.requireAppliedFilesUnchanged();
            Optional<String> conflict = HeadsConflict.of(state.graph());
            if (conflict.isPresent()) {
                // folding into one branch, or a new migration on top of both, would hide the conflict from the team
                return new AutoMigrateOutcome.Conflict(conflict.get());
            }
            MigrationFile open = foldable(state, flags);
            boolean openIsPending = open != null && state.pending().size() == 1 && state.pending().get(0).equals(open);
            if (!state.pending().isEmpty() && !openIsPending) {
                return new AutoMigrateOutcome.Pending(state.pending().size());
            }
            if (!flags.autoGenerate()) {
                List<Change> changes = project.compare(c, model, Renames.NONE).changes();
                return changes.isEmpty() ? new AutoMigrateOutcome.NoChanges()
                        : new AutoMigrateOutcome.ModelsChanged(Descriptions.of(changes), changes.size());
            }
            PlanMigration.Request request = open == null ? PlanMigration.Request.newMigration(Renames.NONE, false)
                    : PlanMigration.Request.foldInto(open, !openIsPending, last == null ? null : last.touchesOf(open));
            // the proof runs the sections on this database (rolled back): it waits for table locks no longer than they will
            MigrationRunner runner = LockSafety.runner(project, c, null);
            Plan plan;
            try {
                plan = runner.limited(c, () -> new PlanMigration(project).plan(c, model, request));
            } catch (ReversibilityProof.TooLargeToFold e) {
                // the open migration and these changes would need more locks than one transaction holds: it stays as it is
                project.migrations().rewrite(open.sealedAt(Instant.now(), open.description()));
                if (openIsPending) {
                    return new AutoMigrateOutcome.Pending(1);
                }
                open = null;
                plan = runner.limited(c, () -> new PlanMigration(project).plan(c, model,
                        PlanMigration.Request.newMigration(Renames.NONE, false)));
            }
            if (plan instanceof Plan.NeedsReview review) {
                return new AutoMigrateOutcome.Held(Descriptions.of(review.diff().changes()), review);
            }
            if (!(plan instanceof Plan.Planned planned)) {
                return new AutoMigrateOutcome.NoChanges();
            }
            return open == null ? create(c, runner, state, planned, start) : fold(c, runner, open, openIsPending, planned, start);
        } catch (SQLException e) {
            throw DatabaseErrors.whileChanging("migrating", e);
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

    /**
     * A new migration is one unit: its file is staged under a temporary name, backed up for, applied and recorded,
     * and only then moved into place; a failure anywhere before leaves no file and no history row.
     */
    private AutoMigrateOutcome create(Connection c, MigrationRunner runner, MigrationState state, Plan.Planned planned, long start)
            throws SQLException {
        List<MigrationFile> drafts = new ArrayList<>();
        List<String> parents = state.graph().heads();
        int parts = planned.migrations().size();
        for (ProvenMigration proven : planned.migrations()) {
            // a large migration in parts (each within one transaction's locks): sealed, so no later run folds into one
            String description = Descriptions.of(proven.diff().changes())
                    + (parts == 1 ? "" : " (part " + (drafts.size() + 1) + " of " + parts + ")");
            MigrationFile draft = new MigrationFile(null, Revisions.next(), parents, description, Instant.now(), MigrationFile.DAEMON,
                    proven.up(), proven.down(), 0, 0, parts == 1 ? null : Instant.now(), proven.proofWhenApplied());
            drafts.add(draft);
            parents = List.of(draft.revision());
        }
        MigrationFile last = drafts.get(drafts.size() - 1);
        String description = parts == 1 ? last.description()
                : Descriptions.of(planned.changes().changes()) + " (" + parts + " migrations, each within one transaction's locks)";
        if (!project.settings().watcher().autoApply()) {
            MigrationFile file = null;
            for (MigrationFile draft : drafts) {
                file = project.migrations().write(draft);
            }
            return new AutoMigrateOutcome.Generated(file, description);
        }
        BackupStep.Result backedUp = null;
        MigrationFile placed = null;
        for (int i = 0; i < drafts.size(); i++) {
            // each part is a unit of its own: the parts before a failure stay applied, with their files
            try (StagedMigrationFile staged = StagedMigrationFile.write(project.migrations().path(), drafts.get(i), null)) {
                if (backedUp == null) {
                    backedUp = backup.before(c, last.revision());
                }
                apply(runner, c, staged.migration(), backedUp, i);
                placed = staged.place();
            }
        }
        if (parts == 1) {
            written = Written.of(placed, planned.migration().diff());
        }
        return new AutoMigrateOutcome.Applied(placed, description, false, millis(start), backedUp.note());
    }

    /**
     * Rewrites the open migration as the net change from its parent to the models; the database
     * receives only the increment, so its data stays. One unit, like {@link #create}: the open file keeps its
     * text until the database has the new one.
     */
    private AutoMigrateOutcome fold(Connection c, MigrationRunner runner, MigrationFile open, boolean openIsPending, Plan.Planned planned,
                                    long start) throws SQLException {
        ProvenMigration net = planned.migration();
        List<String> increment = project.renderer().render(planned.changes().changes());
        if (net.isEmpty()) {
            // the changes cancelled out: the migration goes away. The database goes first: a run stopped between the
            // two leaves a pending file that the next run applies and folds away again
            if (!openIsPending) {
                runner.fold(c, open, increment, null, null);
            }
            project.migrations().delete(open);
            return new AutoMigrateOutcome.FoldedAway(open);
        }
        String description = Descriptions.of(net.diff().changes());
        MigrationFile content = open.withContent(description, net.up(), net.down());
        if (openIsPending && !project.settings().watcher().autoApply()) {
            return new AutoMigrateOutcome.Generated(project.migrations().rewrite(content), description);
        }
        try (StagedMigrationFile staged = StagedMigrationFile.write(project.migrations().path(), content, open.path())) {
            MigrationFile rewritten = staged.migration();
            BackupStep.Result backedUp = backup.before(c, rewritten.revision());
            try {
                if (openIsPending) {
                    runner.run(c, rewritten, Direction.UP, "daemon", backedUp.file());
                } else {
                    runner.fold(c, rewritten, increment, rewritten, backedUp.file());
                }
            } catch (MigrationFailedException e) {
                throw e.withAdvice(RollbackAdvice.afterUpgrade("migration", backedUp, 0, false));
            }
            MigrationFile placed = staged.place();
            written = Written.of(placed, net.diff());
            return new AutoMigrateOutcome.Applied(placed, description, !openIsPending, millis(start), backedUp.note());
        }
    }

    /** Applies a migration the daemon wrote, recording the backup taken before it; a failure names the way back. */
    private static void apply(MigrationRunner runner, Connection c, MigrationFile file, BackupStep.Result backedUp, int appliedBefore)
            throws SQLException {
        try {
            runner.run(c, file, Direction.UP, "daemon", backedUp.file());
        } catch (MigrationFailedException e) {
            throw e.withAdvice(RollbackAdvice.afterUpgrade("migration", backedUp, appliedBefore, false));
        }
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
