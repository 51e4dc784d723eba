package io.migratewatch.workflow;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;
import io.migratewatch.db.DatabaseErrors;
import io.migratewatch.migration.MigrationFile;
import io.migratewatch.migration.MigrationState;
import io.migratewatch.migration.RevisionGraph;
import io.migratewatch.schema.Schema;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code deploy --schemas PATTERN} and {@code deploy --schemas-from FILE}: the same migrations deployed to each of many
 * schemas of one database (a schema per tenant), {@code deploy.parallelism} at a time. Each schema is a whole
 * {@link Deploy} of its own: its own history table, its own migration lock, its own backup (in {@code backup.dir/<schema>}),
 * its own health check; one that fails does not stop the others. The files are checked once before any schema is
 * touched, and the schema the migrations produce is replayed once for every health check.
 */
public final class SchemaDeploys {

    /** How the schemas are chosen. */
    public sealed interface Choice permits Matching, ListedIn {
    }

    /** {@code --schemas 'tenant_*'}: the database's schemas whose names match the glob. */
    public record Matching(String glob) implements Choice {
    }

    /** {@code --schemas-from FILE}: one schema a line. */
    public record ListedIn(Path file) implements Choice {
    }

    public enum Result {
        APPLIED, AT_HEAD, PLANNED, FAILED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One schema's outcome.
     *
     * @param count   migrations applied (APPLIED, or applied before a failure), or that would be (PLANNED)
     * @param failed  the step that failed, null unless FAILED
     * @param reason  the failure's first line, null unless FAILED
     * @param restore the command that restores the schema's backup, null without one
     */
    public record SchemaReport(String schema, Result result, int count, Deploy.Step failed, String reason, String error,
                               String backup, String restore, int exitCode, long millis) {

        /** The RESULT column of the summary table. */
        public String describe() {
            return switch (result) {
                case APPLIED -> "applied " + count;
                case AT_HEAD -> "already at head";
                case PLANNED -> "would apply " + count;
                case FAILED -> "FAILED (" + failed.label() + ")";
            };
        }
    }

    /**
     * @param selection how the schemas were chosen ({@code 6 schemas matching 'tenant_*'}); null when that failed
     * @param error     what stopped the deploy before any schema was touched, else null
     */
    public record Report(boolean dryRun, String environment, String database, String selection, int parallelism, String head,
                         List<SchemaReport> schemas, String error, int exitCode, long millis) {

        public Report {
            schemas = List.copyOf(schemas);
        }

        public boolean ok() {
            return exitCode == ExitCode.OK;
        }

        public List<SchemaReport> failed() {
            return schemas.stream().filter(s -> s.result() == Result.FAILED).toList();
        }

        public long count(Result result) {
            return schemas.stream().filter(s -> s.result() == result).count();
        }
    }

    private final Project project;
    private final long start = System.nanoTime();
    private boolean allowRewrites;

    public SchemaDeploys(Project project) {
        this.project = project;
    }

    /** Confirms, for every schema, that migrations rewriting a table holding data may run in production. */
    public SchemaDeploys allowRewrites(boolean allow) {
        this.allowRewrites = allow;
        return this;
    }

    public Report run(Choice choice, boolean dryRun) {
        String environment = project.settings().environment().name() + " (" + project.settings().environment().source() + ")";
        int parallelism = project.settings().deploy().parallelism();
        String database = "(not opened)";
        try {
            database = project.database().url().redacted();
            SchemaSelection selection = select(choice);
            // the files are the same for every schema: a problem with them is said once, before any schema is touched
            RevisionGraph graph = project.migrations().graph();
            List<String> problems = MigrationProblems.of(project, MigrationState.of(graph, List.of()));
            if (!problems.isEmpty()) {
                return new Report(dryRun, environment, database, selection.description(), parallelism, null, List.of(),
                        String.join("\n", problems) + "\nNothing was applied to any schema.", ExitCode.PROBLEMS_FOUND, millis());
            }
            String head = graph.heads().get(0);
            project.out().accept("Database: " + database + "; " + selection.description() + ", " + parallelism
                    + " at a time (deploy.parallelism); head " + head);
            List<SchemaReport> reports = deployEach(selection.schemas(), dryRun, parallelism);
            boolean anyFailed = reports.stream().anyMatch(r -> r.result() == Result.FAILED);
            return new Report(dryRun, environment, database, selection.description(), parallelism, head, reports, null,
                    anyFailed ? ExitCode.SOME_SCHEMAS_FAILED : ExitCode.OK, millis());
        } catch (MigrateWatchException e) {
            return new Report(dryRun, environment, database, null, parallelism, null, List.of(), e.getMessage(), e.exitCode(), millis());
        }
    }

    private SchemaSelection select(Choice choice) {
        if (choice instanceof ListedIn listed) {
            return SchemaSelection.listedIn(listed.file(), project.display(listed.file()));
        }
        try (Connection c = project.connect()) {
            return SchemaSelection.matching(c, ((Matching) choice).glob());
        } catch (SQLException e) {
            throw DatabaseErrors.whileReading("listing the database's schemas", e);
        }
    }

    private List<SchemaReport> deployEach(List<String> schemas, boolean dryRun, int parallelism) {
        Deploy.Replay replay = new OnceReplay();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, schemas.size()), r -> {
            Thread t = new Thread(r, "deploy-schema");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<SchemaReport>> futures = new ArrayList<>();
            for (String schema : schemas) {
                futures.add(pool.submit(() -> {
                    SchemaReport r = deployOne(schema, dryRun, replay);
                    project.out().accept("[" + done.incrementAndGet() + "/" + schemas.size() + "] " + schema + ": " + r.describe()
                            + (r.reason() != null ? ": " + r.reason() : ""));
                    return r;
                }));
            }
            List<SchemaReport> reports = new ArrayList<>();
            for (int i = 0; i < schemas.size(); i++) {
                try {
                    reports.add(futures.get(i).get());
                } catch (java.util.concurrent.ExecutionException e) {
                    String message = String.valueOf(e.getCause().getMessage());
                    reports.add(new SchemaReport(schemas.get(i), Result.FAILED, 0, Deploy.Step.CHECK, firstLine(message), message,
                            null, null, ExitCode.MIGRATION_FAILED, 0));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new MigrateWatchException(ExitCode.MIGRATION_FAILED, "interrupted while deploying to " + schemas.get(i)
                            + "; each schema's migrations that finished stay applied, the one in progress was rolled back");
                }
            }
            return reports;
        } finally {
            pool.shutdownNow();
        }
    }

    private SchemaReport deployOne(String schema, boolean dryRun, Deploy.Replay replay) {
        long started = System.nanoTime();
        try (Project p = project.forSchema(schema, line -> project.out().accept("  " + schema + ": " + line))) {
            Deploy.Report r = new Deploy(p, replay).allowRewrites(allowRewrites).run(dryRun);
            long ms = (System.nanoTime() - started) / 1_000_000;
            String restore = r.restore() == null ? null : "DATABASE_SCHEMA=" + schema + " " + r.restore();
            if (!r.ok()) {
                return new SchemaReport(schema, Result.FAILED, r.applied().size(), r.failed(), firstLine(r.error()), r.error(),
                        r.backup(), restore, r.exitCode(), ms);
            }
            if (r.dryRun()) {
                int pending = r.steps().stream().filter(s -> s.step() == Deploy.Step.UPGRADE && s.outcome() == Deploy.Outcome.PLANNED)
                        .mapToInt(s -> s.lines().size()).sum();
                return new SchemaReport(schema, pending == 0 ? Result.AT_HEAD : Result.PLANNED, pending, null, null, null, null,
                        null, r.exitCode(), ms);
            }
            return new SchemaReport(schema, r.applied().isEmpty() ? Result.AT_HEAD : Result.APPLIED, r.applied().size(), null, null,
                    null, r.backup(), null, r.exitCode(), ms);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse(message);
    }

    private long millis() {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /**
     * The schema the migrations produce, replayed into a scratch database once for all the schemas' health checks (a
     * scratch database per schema would cost hundreds), with the schema alone on the search path as every schema's
     * migrations run. A failure to replay is every schema's answer too.
     */
    private final class OnceReplay implements Deploy.Replay {

        private String key;
        private Schema schema;
        private RuntimeException failed;
        private SQLException unavailable;

        @Override
        public synchronized Schema produce(List<MigrationFile> migrations) throws SQLException {
            String wanted = migrations.stream().map(MigrationFile::revision).toList().toString();
            if (!wanted.equals(key)) {
                key = wanted;
                schema = null;
                failed = null;
                unavailable = null;
                try {
                    schema = new ReplaySchema(project.forSchema("migrate_watch_replay", project.out()), true)
                            .replay(project.database(), migrations);
                } catch (RuntimeException e) {
                    failed = e;
                } catch (SQLException e) {
                    unavailable = e;
                }
            }
            if (failed != null) {
                throw failed;
            }
            if (unavailable != null) {
                throw unavailable;
            }
            return schema;
        }
    }
}
