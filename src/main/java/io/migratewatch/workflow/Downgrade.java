package io.migratewatch.workflow;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;
import io.migratewatch.db.DatabaseErrors;
import io.migratewatch.diff.DataLoss;
import io.migratewatch.migration.AppliedMigration;
import io.migratewatch.migration.Direction;
import io.migratewatch.migration.MigrationFailedException;
import io.migratewatch.migration.MigrationFile;
import io.migratewatch.migration.MigrationRunner;
import io.migratewatch.migration.MigrationState;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code downgrade --steps N | --to REV|base}: run down sections, newest first. */
public final class Downgrade {

    /**
     * @param steps            how many to undo, or 0 when {@code to} is given; {@code to} is a revision or "base"
     * @param allowDestructive revert even when a down section drops values
     */
    public record Request(int steps, String to, boolean sqlOnly, boolean allowDestructive) {

        public Request(int steps, String to, boolean sqlOnly) {
            this(steps, to, sqlOnly, false);
        }
    }

    /** Asked when down sections would drop values and the request does not allow it: true goes ahead. */
    public interface Confirmation {

        Confirmation REFUSE = (losses, retry) -> false;

        /**
         * @param losses what would be lost
         * @param retry  the command that accepts the loss
         */
        boolean accept(List<DataLoss> losses, String retry);
    }

    private final Project project;
    private final BackupStep backup;
    private final Confirmation confirmation;

    public Downgrade(Project project) {
        this(project, project.backupBefore("downgrade"));
    }

    public Downgrade(Project project, BackupStep backup) {
        this(project, backup, Confirmation.REFUSE);
    }

    public Downgrade(Project project, BackupStep backup, Confirmation confirmation) {
        this.project = project;
        this.backup = backup;
        this.confirmation = confirmation;
    }

    public Upgrade.Result run(Request request) {
        try (Connection c = project.connect()) {
            if (request.sqlOnly()) {
                List<MigrationFile> todo = toUndo(checkedState(c), request);
                return new Upgrade.Result(List.of(), todo.stream().map(m -> "-- " + m.fileName() + " (down)\n" + m.down())
                        .collect(Collectors.joining("\n\n")));
            }
            try (MigrationLock lock = project.lock()) {
                return revert(c, request);
            }
        } catch (SQLException e) {
            throw DatabaseErrors.whileChanging("downgrading", e);
        }
    }

    /** Under the lock: what is applied, read again; what the down sections would drop, measured; then backed up and reverted. */
    private Upgrade.Result revert(Connection c, Request request) throws SQLException {
        MigrationState state = checkedState(c);
        List<MigrationFile> todo = toUndo(state, request);
        if (todo.isEmpty()) {
            return new Upgrade.Result(List.of(), null);
        }
        // the loss check runs the down sections too (rolled back): with the same limits on lock waits
        MigrationRunner runner = LockSafety.runner(project, c, null);
        if (!request.allowDestructive()) {
            List<DataLoss> losses = runner.limited(c, () -> new DownSectionLosses(project).measure(c, todo));
            String retry = retryCommand(request);
            if (!losses.isEmpty() && !confirmation.accept(losses, retry)) {
                throw new NeedsReviewException("downgrade would lose data, so nothing was reverted:\n  - "
                        + String.join("\n  - ", losses.stream().map(DataLoss::explanation).toList())
                        + "\nTo accept the loss: " + retry, losses);
            }
        }
        BackupStep.Result backedUp = backup.before(c, todo.get(0).revision());
        List<Upgrade.Step> done = new ArrayList<>();
        for (MigrationFile m : todo) {
            try {
                done.add(new Upgrade.Step(m, runner.run(c, m, Direction.DOWN, "downgrade")));
            } catch (MigrationFailedException e) {
                throw e.withAdvice(RollbackAdvice.afterDowngrade(backedUp, done.size(), state.current(),
                        project.settings().environment().production()));
            }
        }
        return new Upgrade.Result(done, null, backedUp.note());
    }

    private MigrationState checkedState(Connection c) throws SQLException {
        MigrationState state = project.state(c);
        if (!state.missingFiles().isEmpty()) {
            throw new MigrateWatchException(ExitCode.BAD_INPUT, "applied revisions without a migration file: "
                    + state.missingFiles().stream().map(AppliedMigration::revision).collect(Collectors.joining(", "))
                    + " — their down SQL is in those files: restore them (git) before downgrading");
        }
        state.requireAppliedFilesUnchanged();
        return state;
    }

    private static String retryCommand(Request request) {
        return "migrate-watch downgrade " + (request.to() == null ? "--steps " + request.steps() : "--to " + request.to())
                + " --allow-destructive";
    }

    private static List<MigrationFile> toUndo(MigrationState state, Request request) {
        // newest applied first, in the order the graph puts them (children after parents), reversed
        Set<String> applied = state.appliedRevisions();
        List<MigrationFile> newestFirst = new ArrayList<>(state.graph().ordered().stream()
                .filter(m -> applied.contains(m.revision())).toList());
        java.util.Collections.reverse(newestFirst);
        if (request.to() == null) {
            if (request.steps() < 1) {
                throw new MigrateWatchException(ExitCode.BAD_INPUT, "--steps must be at least 1");
            }
            if (request.steps() > newestFirst.size()) {
                throw new MigrateWatchException(ExitCode.BAD_INPUT, "only " + newestFirst.size()
                        + " migrations are applied; cannot go back " + request.steps() + " steps (use --to base for all)");
            }
            return newestFirst.subList(0, request.steps());
        }
        if (request.to().equals("base")) {
            return newestFirst;
        }
        MigrationFile goal = state.graph().find(request.to()).orElseThrow(() -> new MigrateWatchException(ExitCode.BAD_INPUT,
                "no migration has revision " + request.to() + " (see migrate-watch history)"));
        if (!applied.contains(goal.revision())) {
            throw new MigrateWatchException(ExitCode.BAD_INPUT, "revision " + goal.revision() + " is not applied: downgrade goes back to an applied revision");
        }
        Set<String> keep = state.graph().upTo(goal.revision()).stream().map(MigrationFile::revision).collect(Collectors.toSet());
        return newestFirst.stream().filter(m -> !keep.contains(m.revision())).toList();
    }
}
