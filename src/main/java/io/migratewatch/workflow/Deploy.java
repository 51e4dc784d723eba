package io.migratewatch.workflow;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;
import io.migratewatch.backup.BackupException;
import io.migratewatch.backup.Progress;
import io.migratewatch.config.Settings;
import io.migratewatch.db.DatabaseErrors;
import io.migratewatch.diff.Change;
import io.migratewatch.diff.DataLoss;
import io.migratewatch.diff.SchemaDiff;
import io.migratewatch.migration.AppliedMigration;
import io.migratewatch.migration.LockLimits;
import io.migratewatch.migration.MigrationFailedException;
import io.migratewatch.migration.MigrationFile;
import io.migratewatch.migration.MigrationState;
import io.migratewatch.migration.RevisionGraph;
import io.migratewatch.schema.Schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code deploy}: the production half of the workflow, for a platform to run before it starts the application. Checks
 * the committed migrations, backs up, upgrades to head with limits on lock waits and statement time (retrying a lock
 * timeout), and verifies the result. It never generates a migration, and applies none when a check fails.
 */
public final class Deploy {

    public enum Step {
        CHECK, BACKUP, UPGRADE, HEALTH;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public enum Outcome { OK, SKIPPED, PLANNED, FAILED }

    /** @param lines details, one per line (the files applied, the health checks, the problems found) */
    public record StepReport(Step step, Outcome outcome, String summary, List<String> lines) {
        public StepReport {
            lines = List.copyOf(lines);
        }
    }

    public record Applied(String file, String revision, long millis) {
    }

    /**
     * @param from     the revision the database was at, null for none
     * @param head     the revision deployed, null when the files have none (or several)
     * @param backup   the backup file taken, as shown to the user; null when none was
     * @param failed   the step that failed, null when the deploy succeeded
     * @param restore  the command that restores the backup, null without one
     * @param sql      the SQL a dry run would apply, else null
     */
    public record Report(boolean dryRun, String environment, String database, String from, String head, List<StepReport> steps,
                         List<Applied> applied, String backup, int attempts, Step failed, String error, int exitCode,
                         String restore, String sql, long millis) {
        public Report {
            steps = List.copyOf(steps);
            applied = List.copyOf(applied);
        }

        public boolean ok() {
            return failed == null;
        }
    }

    /** The schema the migrations produce, for the health check: replayed for each deploy, or once for many schemas. */
    @FunctionalInterface
    interface Replay {
        /**
         * @throws SQLException              when no scratch database can be had
         * @throws ReplaySchema.ReplayFailed when a migration does not apply
         */
        Schema produce(List<MigrationFile> migrations) throws SQLException;
    }

    private final Project project;
    private final Replay replay;
    private final Settings.Deploy limits;
    private final List<StepReport> steps = new ArrayList<>();
    private final long start = System.nanoTime();
    private String from;
    private String head;
    private String backupFile;
    private int attempts;
    private List<Applied> applied = List.of();
    private List<MigrationFile> pending = List.of();
    private int exitCode;

    private boolean allowRewrites;

    public Deploy(Project project) {
        this(project, migrations -> new ReplaySchema(project).replay(project.database(), migrations));
    }

    Deploy(Project project, Replay replay) {
        this.project = project;
        this.replay = replay;
        this.limits = project.settings().deploy();
    }

    /** Confirms that migrations rewriting a table holding data may run in production ({@code --allow-rewrite}). */
    public Deploy allowRewrites(boolean allow) {
        this.allowRewrites = allow;
        return this;
    }

    public Report run(boolean dryRun) {
        String environment = project.settings().environment().name() + " (" + project.settings().environment().source() + ")";
        String database;
        try {
            database = project.database().url().redacted() + ", schema " + project.settings().database().schema();
        } catch (MigrateWatchException e) {
            return failure(dryRun, "(not opened)", environment, Step.CHECK, e.getMessage(), e.exitCode());
        }
        // 1. check
        RevisionGraph graph;
        MigrationState before;
        try (Connection c = project.connect()) {
            graph = project.migrations().graph();
            before = MigrationState.of(graph, project.history().applied(c));
        } catch (MigrateWatchException e) {
            return failure(dryRun, database, environment, Step.CHECK, e.getMessage(), e.exitCode());
        } catch (SQLException e) {
            MigrateWatchException m = DatabaseErrors.whileReading("reading the migration history", e);
            return failure(dryRun, database, environment, Step.CHECK, m.getMessage(), m.exitCode());
        }
        from = before.current();
        List<String> problems = MigrationProblems.of(project, before);
        if (graph.heads().size() == 1) {
            head = graph.heads().get(0);
        }
        if (!problems.isEmpty()) {
            steps.add(new StepReport(Step.CHECK, Outcome.FAILED, problems.size() + (problems.size() == 1 ? " problem" : " problems")
                    + ": nothing was applied", problems));
            return report(dryRun, database, environment, Step.CHECK, String.join("\n", problems), ExitCode.PROBLEMS_FOUND, null);
        }
        pending = before.pending();
        List<TableRewrites.Rewrite> rewrites;
        try (Connection c = project.connect()) {
            rewrites = TableRewrites.of(c, project.settings().database().schema(), pending);
        } catch (SQLException e) {
            MigrateWatchException m = DatabaseErrors.whileReading("reading the tables the migrations change", e);
            return failure(dryRun, database, environment, Step.CHECK, m.getMessage(), m.exitCode());
        }
        List<String> rewriteLines = rewrites.stream().map(TableRewrites.Rewrite::describe).toList();
        if (!rewrites.isEmpty() && project.settings().environment().production() && !allowRewrites) {
            List<String> lines = new ArrayList<>(rewriteLines);
            lines.add("Each holds an ACCESS EXCLUSIVE lock on the table while it copies it: the application waits that long."
                    + " Run at a quiet time with `migrate-watch deploy --allow-rewrite`, or change the migration (add a new column,"
                    + " fill it in batches, then switch).");
            steps.add(new StepReport(Step.CHECK, Outcome.FAILED, rewrites.size() + (rewrites.size() == 1 ? " statement rewrites a table"
                    : " statements rewrite a table") + " holding data: held in production until confirmed; nothing was applied", lines));
            return report(dryRun, database, environment, Step.CHECK, String.join("\n", lines), ExitCode.NEEDS_REVIEW, null);
        }
        steps.add(new StepReport(Step.CHECK, Outcome.OK, graph.ordered().size() + " migration files valid, head "
                + shortRev(head) + ", " + pending.size() + " pending" + (rewrites.isEmpty() ? "" : ", " + rewrites.size()
                + (rewrites.size() == 1 ? " rewrites a table" : " rewrite a table") + (allowRewrites ? " (--allow-rewrite)" : "")),
                rewriteLines));
        if (dryRun) {
            return dryRun(database, environment, pending);
        }
        // 2 and 3. back up, upgrade
        if (pending.isEmpty()) {
            steps.add(new StepReport(Step.BACKUP, Outcome.SKIPPED, "nothing to apply", List.of()));
            steps.add(new StepReport(Step.UPGRADE, Outcome.SKIPPED, "already at head " + shortRev(head), List.of()));
        } else {
            StepReport failedStep = upgrade(pending);
            if (failedStep != null) {
                return report(false, database, environment, failedStep.step(), failedStep.summary(), exitCode, null);
            }
        }
        // 4. health
        StepReport health = health(graph);
        steps.add(health);
        if (health.outcome() == Outcome.FAILED) {
            return report(false, database, environment, Step.HEALTH, String.join("\n", health.lines()), ExitCode.PROBLEMS_FOUND, null);
        }
        return report(false, database, environment, null, null, ExitCode.OK, null);
    }

    /** Backs up and applies; returns the failed step's report, or null on success. */
    private StepReport upgrade(List<MigrationFile> pending) {
        DeployBackup backup = new DeployBackup(new BackupBeforeMigration(project, "deploy", Progress.NONE), limits);
        Duration pause = Duration.ofSeconds(1);
        List<Applied> done = new ArrayList<>();
        while (true) {
            attempts++;
            Set<String> before = appliedRevisions();
            try {
                for (Upgrade.Step step : deployUpgrade(backup).run("head", false).applied()) {
                    done.add(new Applied(step.migration().fileName(), step.migration().revision(), step.millis()));
                }
                break;
            } catch (MigrateWatchException e) {
                // a failed attempt may have applied the migrations before the one that failed: they stay applied
                done.addAll(appliedSince(before));
                applied = List.copyOf(done);
                if (e instanceof BackupException) {
                    return failed(Step.BACKUP, e.getMessage(), e.exitCode(), backup);
                }
                if (!(e instanceof MigrationFailedException m)) {
                    return failed(Step.UPGRADE, e.getMessage(), e.exitCode(), backup);
                }
                if (m.isLockTimeout() && attempts <= limits.retries()) {
                    project.out().accept(LockLimits.retryNotice(m.migration().fileName(), limits.lockTimeout(), m.holders(), pause,
                            attempts + 1, limits.retries() + 1));
                    sleep(pause);
                    pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : pause.multipliedBy(2);
                    continue;
                }
                // deploy says itself which backup to restore: the upgrade's own advice would repeat it, or point at a downgrade
                String message = withoutAdvice(m) + (m.isLockTimeout() ? "\n  Gave up after " + attempts + " attempts: another session kept"
                        + " a lock on the table for longer than deploy.lock-timeout (" + describe(limits.lockTimeout()) + ") each time" : "");
                return failed(Step.UPGRADE, message, m.exitCode(), backup);
            }
        }
        applied = List.copyOf(done);
        recordBackup(backup);
        steps.add(backupReport(backup.result()));
        if (applied.isEmpty()) {
            steps.add(new StepReport(Step.UPGRADE, Outcome.SKIPPED, "already at head " + shortRev(head)
                    + ": another deploy applied the pending migrations", List.of()));
            return null;
        }
        long ms = applied.stream().mapToLong(Applied::millis).sum();
        steps.add(new StepReport(Step.UPGRADE, Outcome.OK, "applied " + applied.size() + (applied.size() == 1 ? " migration" : " migrations")
                + " in " + ms + " ms" + (attempts > 1 ? " (" + attempts + " attempts)" : ""),
                applied.stream().map(a -> a.file() + " (" + a.millis() + " ms)").toList()));
        return null;
    }

    private Upgrade deployUpgrade(DeployBackup backup) {
        return new Upgrade(project, backup).rewritesChecked().withLimits(LockSafety.forDeploy(project.settings()));
    }

    private static StepReport backupReport(BackupStep.Result b) {
        if (b == null) {
            return new StepReport(Step.BACKUP, Outcome.SKIPPED, "nothing was left to apply", List.of());
        }
        return new StepReport(Step.BACKUP, b.taken() ? Outcome.OK : Outcome.SKIPPED, b.taken() ? b.file() + " (" + b.detail() + ")"
                : b.detail(), List.of());
    }

    private StepReport failed(Step step, String message, int code, DeployBackup backup) {
        recordBackup(backup);
        if (step == Step.UPGRADE) {
            steps.add(backupReport(backup.result()));
        }
        steps.add(new StepReport(step, Outcome.FAILED, message.lines().findFirst().orElse(message), message.lines().skip(1)
                .map(String::strip).toList()));
        exitCode = code;
        return new StepReport(step, Outcome.FAILED, message, List.of());
    }

    private void recordBackup(DeployBackup backup) {
        if (backup.result() != null && backup.result().taken()) {
            backupFile = backup.result().file();
        }
    }

    private Set<String> appliedRevisions() {
        try (Connection c = project.connect()) {
            return project.history().applied(c).stream().map(AppliedMigration::revision).collect(Collectors.toSet());
        } catch (SQLException | MigrateWatchException e) {
            return Set.of();
        }
    }

    /** The pending migrations recorded since {@code before}, with the durations the history holds. */
    private List<Applied> appliedSince(Set<String> before) {
        try (Connection c = project.connect()) {
            Map<String, AppliedMigration> rows = project.history().applied(c).stream()
                    .collect(Collectors.toMap(AppliedMigration::revision, Function.identity(), (a, b) -> a));
            List<Applied> result = new ArrayList<>();
            for (MigrationFile m : pending) {
                AppliedMigration row = rows.get(m.revision());
                if (row != null && !before.contains(m.revision())) {
                    result.add(new Applied(m.fileName(), m.revision(), row.durationMs()));
                }
            }
            return result;
        } catch (SQLException | MigrateWatchException e) {
            return List.of();
        }
    }

    private Report dryRun(String database, String environment, List<MigrationFile> pending) {
        if (pending.isEmpty()) {
            steps.add(new StepReport(Step.BACKUP, Outcome.SKIPPED, "nothing to apply", List.of()));
            steps.add(new StepReport(Step.UPGRADE, Outcome.SKIPPED, "already at head " + shortRev(head), List.of()));
        } else {
            Settings.Backup b = project.settings().backup();
            steps.add(new StepReport(Step.BACKUP, Outcome.PLANNED, b.enabled()
                    ? "would back up to " + project.display(b.dir()) + " (engine " + b.engine().name().toLowerCase(java.util.Locale.ROOT)
                    + ") unless every table is empty" : "would not back up (backup.enabled = false)", List.of()));
            steps.add(new StepReport(Step.UPGRADE, Outcome.PLANNED, "would apply " + pending.size()
                    + (pending.size() == 1 ? " migration" : " migrations") + " with lock_timeout " + describe(limits.lockTimeout())
                    + ", statement_timeout " + (limits.statementTimeout().isZero() ? "none" : describe(limits.statementTimeout()))
                    + ", up to " + limits.retries() + " retries of a lock timeout",
                    pending.stream().map(MigrationFile::fileName).toList()));
        }
        steps.add(new StepReport(Step.HEALTH, Outcome.PLANNED, "would check: connects, history at head "
                + shortRev(head) + ", live schema equals the schema the migrations produce", List.of()));
        String sql = pending.isEmpty() ? "" : new Upgrade(project, BackupStep.NOT_AVAILABLE).run("head", true).sql();
        return new Report(true, environment, database, from, head, steps, List.of(), null, 0, null, null, ExitCode.OK, null, sql, millis());
    }

    /** Connects afresh, checks the history is at head, and compares the live schema with the one the migrations produce. */
    private StepReport health(RevisionGraph graph) {
        List<String> ok = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Schema live;
        try (Connection c = project.connect()) {
            ok.add("connected (PostgreSQL " + serverVersion(c) + ")");
            MigrationState after = MigrationState.of(graph, project.history().applied(c));
            if (!after.pending().isEmpty()) {
                problems.add("history is not at head: " + after.pending().size() + " migrations not applied");
            } else {
                ok.add("history at head " + shortRev(head) + " (" + after.applied().size() + " applied)");
            }
            problems.addAll(MigrationProblems.of(project, after));
            live = project.inspect(c);
        } catch (SQLException | MigrateWatchException e) {
            problems.add("cannot read the database: " + e.getMessage());
            return new StepReport(Step.HEALTH, Outcome.FAILED, problems.get(0), problems);
        }
        try {
            Schema produced = replay.produce(graph.upTo(head));
            List<Change> differences = SchemaDiff.between(produced, live).changes();
            if (differences.isEmpty()) {
                ok.add("live schema equals the schema the migrations produce (" + DataLoss.count(live.tables().size(), "table") + ")");
            } else {
                problems.add("DRIFT: the live schema differs from the schema the migrations produce ("
                        + differences.size() + (differences.size() == 1 ? " difference" : " differences") + "):");
                differences.forEach(d -> problems.add("  " + d.describe()));
            }
        } catch (ReplaySchema.ReplayFailed e) {
            problems.add(e.getMessage());
        } catch (SQLException e) {
            // a role that may not create databases: the rest of the check still holds
            ok.add("live schema not compared: cannot create a scratch database to replay the migrations into ("
                    + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (!problems.isEmpty()) {
            return new StepReport(Step.HEALTH, Outcome.FAILED, problems.get(0), problems);
        }
        return new StepReport(Step.HEALTH, Outcome.OK, String.join("; ", ok), List.of());
    }

    private Report failure(boolean dryRun, String database, String environment, Step step, String message, int code) {
        steps.add(new StepReport(step, Outcome.FAILED, message.lines().findFirst().orElse(message),
                message.lines().skip(1).map(String::strip).toList()));
        return report(dryRun, database, environment, step, message, code, null);
    }

    private Report report(boolean dryRun, String database, String environment, Step failed, String error, int code, String sql) {
        String restore = failed != null && backupFile != null ? "migrate-watch db restore " + backupFile + " --yes" : null;
        return new Report(dryRun, environment, database, from, head, steps, applied, backupFile, attempts, failed, error, code,
                restore, sql, millis());
    }

    private long millis() {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String withoutAdvice(MigrationFailedException e) {
        String message = e.getMessage();
        return e.advice() == null ? message : message.replace("\n  " + e.advice(), "");
    }


    private static String serverVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1).split(" ")[0];
        }
    }

    private static String shortRev(String revision) {
        return revision == null ? "(none)" : revision.length() > 8 ? revision.substring(0, 8) : revision;
    }

    static String describe(Duration d) {
        if (d.toMillis() % 60_000 == 0 && !d.isZero()) {
            return d.toMinutes() + " min";
        }
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrateWatchException(ExitCode.MIGRATION_FAILED, "interrupted while waiting to try the migration again");
        }
    }
}
