package io.migratewatch.workflow;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;
import io.migratewatch.db.DatabaseErrors;
import io.migratewatch.migration.Direction;
import io.migratewatch.migration.LockLimits;
import io.migratewatch.migration.MigrationRunner;
import io.migratewatch.migration.MigrationFailedException;
import io.migratewatch.migration.MigrationFile;
import io.migratewatch.migration.MigrationState;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code upgrade [TARGET]}: apply pending migrations up to TARGET (default: every head). */
public final class Upgrade {

    public record Step(MigrationFile migration, long millis) {
    }

    /**
     * @param sql              the script when only printing, else null
     * @param backup           the backup step's line (the file, or why none was taken); null when nothing was to be applied
     * @param appliedMeanwhile when this run found nothing to do: how many of the migrations pending when it started
     *                         another process applied while this one waited for the lock (0 otherwise)
     */
    public record Result(List<Step> applied, String sql, String backup, int appliedMeanwhile) {

        public Result(List<Step> applied, String sql) {
            this(applied, sql, null, 0);
        }

        public Result(List<Step> applied, String sql, String backup) {
            this(applied, sql, backup, 0);
        }
    }

    private final Project project;
    private final BackupStep backup;
    private final LockLimits limits;
    private final boolean allowRewrites;
    private final boolean rewritesNamed;

    /** Backs up as the settings say (the daemon applying pending migrations). */
    public Upgrade(Project project) {
        this(project, project.backupBefore("upgrade"));
    }

    public Upgrade(Project project, BackupStep backup) {
        this(project, backup, null, false, false);
    }

    private Upgrade(Project project, BackupStep backup, LockLimits limits, boolean allowRewrites, boolean rewritesNamed) {
        this.project = project;
        this.backup = backup;
        this.limits = limits;
        this.allowRewrites = allowRewrites;
        this.rewritesNamed = rewritesNamed;
    }

    /**
     * A migration that rewrites a table holding data is named before it runs, and in production held until confirmed
     * ({@code --allow-rewrite}); this upgrade has that confirmation.
     */
    public Upgrade allowRewrites(boolean allow) {
        return new Upgrade(project, backup, limits, allow, rewritesNamed);
    }

    /** The same upgrade after {@code deploy}'s check step named the table rewrites, and held or confirmed them. */
    Upgrade rewritesChecked() {
        return new Upgrade(project, backup, limits, true, true);
    }

    /** The same upgrade with these limits on every migration, whatever {@code migrations.lock-safe} says. */
    public Upgrade withLimits(LockLimits newLimits) {
        return new Upgrade(project, backup, newLimits, allowRewrites, rewritesNamed);
    }

    public Result run(String target, boolean sqlOnly) {
        try (Connection c = project.connect()) {
            if (sqlOnly) {
                MigrationState state = project.state(c);
                state.requireAppliedFilesUnchanged();
                String script = pendingUpTo(state, target).stream().map(m -> "-- " + m.fileName() + "\n" + m.up())
                        .collect(Collectors.joining("\n\n"));
                return new Result(List.of(), script);
            }
            // read before the lock only to tell, afterwards, what another process did while this one waited
            int pendingAtStart = pendingUpTo(project.state(c), target).size();
            try (MigrationLock lock = project.lock()) {
                return apply(c, target, pendingAtStart);
            }
        } catch (SQLException e) {
            throw DatabaseErrors.whileChanging("upgrading", e);
        }
    }

    /** Under the lock: what is pending now, read again, then backed up and applied. */
    private Result apply(Connection c, String target, int pendingAtStart) throws SQLException {
        MigrationState state = project.state(c);
        state.requireAppliedFilesUnchanged();
        List<MigrationFile> todo = pendingUpTo(state, target);
        if (todo.isEmpty()) {
            return new Result(List.of(), null, null, pendingAtStart);
        }
        List<TableRewrites.Rewrite> rewrites = rewritesNamed ? List.of()
                : TableRewrites.of(c, project.settings().database().schema(), todo);
        if (!rewrites.isEmpty()) {
            String count = rewrites.size() == 1 ? "1 statement rewrites a table" : rewrites.size() + " statements rewrite a table";
            String named = rewrites.stream().map(TableRewrites.Rewrite::describe).collect(Collectors.joining("\n  "));
            if (project.settings().environment().production() && !allowRewrites) {
                throw new MigrateWatchException(ExitCode.NEEDS_REVIEW, count + " holding data: held in production until confirmed;"
                        + " nothing was applied\n  " + named + "\n  Each holds an ACCESS EXCLUSIVE lock on the table while it copies it:"
                        + " the application waits that long. Run at a quiet time with `migrate-watch upgrade --allow-rewrite`, or change"
                        + " the migration (add a new column, fill it in batches, then switch).");
            }
            project.out().accept(count + " holding data (an ACCESS EXCLUSIVE lock on it while it is copied):");
            rewrites.forEach(r -> project.out().accept("  " + r.describe()));
        }
        BackupStep.Result backedUp = backup.before(c, todo.get(todo.size() - 1).revision());
        MigrationRunner runner = LockSafety.runner(project, c, limits);
        List<Step> done = new ArrayList<>();
        for (MigrationFile m : todo) {
            try {
                long ms = runner.run(c, m, Direction.UP, "upgrade", backedUp.file());
                done.add(new Step(m, ms));
            } catch (MigrationFailedException e) {
                throw e.withAdvice(RollbackAdvice.afterUpgrade("upgrade", backedUp, done.size(),
                        project.settings().environment().production()));
            }
        }
        return new Result(done, null, backedUp.note());
    }

    private static List<MigrationFile> pendingUpTo(MigrationState state, String target) {
        if (target == null || target.equals("head") || target.equals("heads")) {
            return state.pending();
        }
        MigrationFile goal = state.graph().find(target).orElseThrow(() -> new MigrateWatchException(ExitCode.BAD_INPUT,
                "no migration has revision " + target + " (see migrate-watch history)"));
        Set<String> wanted = state.graph().upTo(goal.revision()).stream().map(MigrationFile::revision).collect(Collectors.toSet());
        return state.pending().stream().filter(m -> wanted.contains(m.revision())).toList();
    }
}
