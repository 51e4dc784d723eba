package io.migratewatch.cli;

import io.migratewatch.support.CliRun;
import io.migratewatch.support.MigrationFiles;
import io.migratewatch.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy} as a separate process, killed with SIGKILL at random points, most of them inside a slow migration:
 * the database then holds the schema and history of a whole number of migrations, never part of one, and the next
 * {@code deploy} completes. Prints the figures.
 */
class DeployKillTest {

    private static final int KILLS = 12;

    private static TestDatabase db;

    @TempDir
    Path project;

    @BeforeAll
    static void database() {
        db = TestDatabase.create("deploykill");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    /** What the database holds: which migrations the history has, and what of each migration's work is there. */
    private String state() {
        String history = String.join(",", db.queryStrings("SELECT revision FROM migrate_watch_history ORDER BY revision"));
        long doubled = db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public'"
                + " AND table_name = 'big' AND column_name = 'doubled'");
        long note = db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public'"
                + " AND table_name = 'big' AND column_name = 'note'");
        long index = db.queryLong("SELECT count(*) FROM pg_indexes WHERE schemaname = 'public' AND indexname = 'big_doubled'");
        long audit = db.queryLong("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = 'audit'");
        long at = db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public'"
                + " AND table_name = 'audit' AND column_name = 'at'");
        long unfilled = doubled == 0 ? 0 : db.queryLong("SELECT count(*) FROM big WHERE doubled IS DISTINCT FROM v * 2");
        return history + " doubled=" + doubled + " note=" + note + " index=" + index + " audit=" + audit + " at=" + at
                + " unfilled=" + unfilled;
    }

    private static final String OLD = "ffff00000001 doubled=0 note=0 index=0 audit=0 at=0 unfilled=0";
    private static final String MIDDLE = "ffff00000001,ffff00000002 doubled=1 note=1 index=1 audit=1 at=0 unfilled=0";
    private static final String NEW = "ffff00000001,ffff00000002,ffff00000003 doubled=1 note=1 index=1 audit=1 at=1 unfilled=0";

    private Process startDeploy(Path log) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "io.migratewatch.cli.Main", "deploy")
                .directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("MIGRATE_WATCH_ENV", "production");
        pb.environment().put("DATABASE_URL", db.jdbcUrl() + "?user=" + db.url().user());
        return pb.start();
    }

    /** Whether a migrate-watch session has written in an open transaction: a migration is under way. */
    private boolean migrating() {
        return db.queryLong("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND application_name = 'migrate-watch' AND backend_xid IS NOT NULL") > 0;
    }

    @Test
    void aDeployKilledAtRandomLeavesWholeMigrationsAndTheNextDeployCompletes() throws Exception {
        Files.writeString(project.resolve("watcher.conf"), """
                models.paths = ["src/main/java"]
                migrations.dir = "migrations"
                backup.engine = "builtin"
                """);
        Path migrations = project.resolve("migrations");
        MigrationFiles.write(migrations, "ffff00000001", null, "big", 1,
                "CREATE TABLE \"big\" (\"id\" bigint PRIMARY KEY, \"v\" integer NOT NULL);\n"
                        + "INSERT INTO \"big\" SELECT g, g FROM generate_series(1, 20000) g;",
                "DROP TABLE \"big\";");
        // several statements over a large table with pauses between them: a kill lands inside it, between any two
        MigrationFiles.write(migrations, "ffff00000002", "ffff00000001", "doubled", 2, """
                ALTER TABLE "big" ADD COLUMN "doubled" bigint;
                UPDATE "big" SET "doubled" = "v" * 2;
                SELECT pg_sleep(0.15);
                CREATE INDEX "big_doubled" ON "big" ("doubled");
                ALTER TABLE "big" ADD COLUMN "note" text NOT NULL DEFAULT 'n';
                SELECT pg_sleep(0.15);
                CREATE TABLE "audit" ("id" bigint PRIMARY KEY);
                SELECT pg_sleep(0.15);""", """
                DROP TABLE "audit";
                ALTER TABLE "big" DROP COLUMN "note";
                DROP INDEX "big_doubled";
                ALTER TABLE "big" DROP COLUMN "doubled";""");
        MigrationFiles.write(migrations, "ffff00000003", "ffff00000002", "audit time", 3,
                "ALTER TABLE \"audit\" ADD COLUMN \"at\" timestamptz;", "ALTER TABLE \"audit\" DROP COLUMN \"at\";");
        String url = db.jdbcUrl() + "?user=" + db.url().user();
        Random random = new Random(Long.getLong("killSeed", System.nanoTime()));
        Map<String, Integer> seen = new TreeMap<>();
        int kills = 0;
        int mixed = 0;
        int completed = 0;
        List<String> problems = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < KILLS; i++) {
            db.execute("DROP SCHEMA public CASCADE", "CREATE SCHEMA public");
            CliRun setUp = CliRun.in(project, Map.of(), url, "upgrade", "ffff00000001", "--no-backup");
            assertThat(setUp.exitCode()).as(setUp.toString()).isZero();
            assertThat(state()).isEqualTo(OLD);

            Path log = project.resolve("deploy-" + i + ".log");
            Process p = startDeploy(log);
            String where;
            if (i % 4 == 3) {
                // anywhere: the JVM starting, the check, the backup, a migration, the health check
                Thread.sleep(300 + random.nextInt(2200));
                where = "anywhere";
            } else {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!migrating() && p.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                Thread.sleep(random.nextInt(900));
                where = "in a migration";
            }
            boolean alive = p.isAlive();
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            if (alive) {
                kills++;
            }
            String after = state();
            String name = after.equals(OLD) ? "old" : after.equals(MIDDLE) ? "middle" : after.equals(NEW) ? "new" : "MIXED";
            seen.merge(name, 1, Integer::sum);
            if (name.equals("MIXED")) {
                mixed++;
                problems.add("kill " + i + " (" + where + "): " + after + "\n" + Files.readString(log));
            }

            CliRun next = CliRun.in(project, Map.of("MIGRATE_WATCH_ENV", "production"), url, "deploy");
            if (next.exitCode() == 0 && state().equals(NEW)) {
                completed++;
            } else {
                problems.add("deploy after kill " + i + " (" + where + "): " + next + "\nstate " + state());
            }
            try (var files = Files.list(project.resolve("backups"))) {
                assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(".")))
                        .as("a backup cut short leaves no temporary file once the next deploy ran").isEmpty();
            }
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        System.out.printf("deploy killed with SIGKILL: %d runs, %d killed while running; states after the kill %s;"
                + " mixed states found: %d (goal 0); next deploys completed: %d of %d; %d s%n", KILLS, kills, seen, mixed,
                completed, KILLS, seconds);
        assertThat(problems).isEmpty();
        assertThat(kills).as("kills that hit a running deploy").isGreaterThanOrEqualTo(10);
        assertThat(seen.getOrDefault("old", 0)).as("kills inside the slow migration leave the old version").isPositive();
    }
}
