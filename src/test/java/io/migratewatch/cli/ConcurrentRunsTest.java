package io.migratewatch.cli;

import io.migratewatch.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several migrate-watch processes on one database at the same time, as real JVMs: {@code upgrade}s
 * started together, and an {@code upgrade} beside a running daemon that applies the same new files.
 * Each migration must be applied exactly once and every process must end with exit code 0. The
 * figures are printed for the build log.
 */
class ConcurrentRunsTest {

    private static TestDatabase db;

    @TempDir
    Path project;

    @BeforeAll
    static void database() {
        db = TestDatabase.create("concurrent");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    /** What one process printed and how it ended. */
    private record Finished(int exit, String output) {

        long count(String text) {
            return output.lines().filter(l -> l.contains(text)).count();
        }
    }

    private String url() {
        return db.jdbcUrl() + "?user=" + db.url().user();
    }

    private ProcessBuilder command(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), "io.migratewatch.cli.Main", "--database-url", url()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(project.toFile()).redirectErrorStream(true);
    }

    private static CompletableFuture<Finished> finished(Process p) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(2, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    throw new AssertionError("still running after two minutes:\n" + out);
                }
                return new Finished(p.exitValue(), out);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void freshProject() throws IOException {
        db.execute("DROP SCHEMA public CASCADE", "CREATE SCHEMA public", "CREATE TABLE \"gate\" (\"id\" integer)");
        try (Stream<Path> files = Files.exists(project.resolve("migrations")) ? Files.list(project.resolve("migrations")) : Stream.empty()) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.createDirectories(project.resolve("migrations"));
        Files.createDirectories(project.resolve("src/main/java"));
        Files.writeString(project.resolve("watcher.conf"), """
                models.paths = ["src/main/java"]
                migrations.dir = "migrations"
                watcher.debounce = 300ms
                notify.desktop = false
                """);
    }

    /**
     * Three migrations, the first of which creates a sequence (the statement that failed a second process
     * with "already exists") and takes a moment, so that processes started together meet inside it.
     */
    private static final List<String[]> SHOP = List.of(
            new String[]{"CREATE SEQUENCE \"customer_seq\";\nCREATE TABLE \"customer\" (\"id\" bigint PRIMARY KEY DEFAULT nextval('customer_seq'));"
                    + "\nSELECT pg_sleep(0.3);", "DROP TABLE \"customer\";\nDROP SEQUENCE \"customer_seq\";"},
            new String[]{"ALTER TABLE \"customer\" ADD COLUMN \"phone\" text;", "ALTER TABLE \"customer\" DROP COLUMN \"phone\";"},
            new String[]{"CREATE TABLE \"orders\" (\"id\" bigint PRIMARY KEY, \"customer_id\" bigint REFERENCES \"customer\");",
                    "DROP TABLE \"orders\";"});

    /** Writes migrations {@code first..first+n-1} as a chain after {@code first-1}; returns their revisions. */
    private List<String> writeChain(int first, List<String[]> sections) throws IOException {
        List<String> revisions = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            int number = first + i;
            String revision = "%012x".formatted(0xa00000000000L + number);
            String parent = number == 1 ? "none" : "%012x".formatted(0xa00000000000L + number - 1);
            Files.writeString(project.resolve("migrations/20990101_%06d_%s_step.sql".formatted(number, revision)), """
                    -- migrate-watch migration
                    -- revision: %s
                    -- parents: %s
                    -- description: step %d
                    -- created: 2099-01-01T00:00:00Z
                    -- generated: manual

                    -- +up
                    %s

                    -- +down
                    %s
                    """.formatted(revision, parent, number, sections.get(i)[0], sections.get(i)[1]));
            revisions.add(revision);
        }
        return revisions;
    }

    private static long historyRows() {
        return db.queryLong("SELECT count(*) FROM migrate_watch_history");
    }

    private static void assertTheShopSchemaIsThereOnce() {
        assertThat(historyRows()).isEqualTo(3);
        assertThat(db.queryLong("SELECT count(DISTINCT revision) FROM migrate_watch_history")).isEqualTo(3);
        assertThat(db.queryLong("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = 'public' AND c.relname IN ('customer_seq', 'customer', 'orders')")).isEqualTo(3);
        assertThat(db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public'"
                + " AND table_name = 'customer' AND column_name = 'phone'")).isEqualTo(1);
    }

    @Test
    void upgradesStartedTogetherApplyEachMigrationExactlyOnceAndAllExitZero() throws Exception {
        int[][] plan = {{2, 3}, {5, 2}, {10, 2}}; // processes at once, rounds
        List<String> figures = new ArrayList<>();
        for (int[] p : plan) {
            int processes = p[0];
            for (int round = 1; round <= p[1]; round++) {
                freshProject();
                writeChain(1, SHOP);
                long started = System.nanoTime();
                List<CompletableFuture<Finished>> running = new ArrayList<>();
                for (int i = 0; i < processes; i++) {
                    running.add(finished(command("upgrade").start()));
                }
                List<Finished> runs = running.stream().map(CompletableFuture::join).toList();

                long applied = runs.stream().mapToLong(r -> r.count("✓ Applied ")).sum();
                long waitedAndFoundNothing = runs.stream()
                        .filter(r -> r.output().contains("Already at head (another process applied 3 migrations while this one waited)")).count();
                List<Integer> exits = runs.stream().map(Finished::exit).sorted().toList();
                String line = "concurrent upgrade: %2d processes started, %d migrations applied (of 3; history rows %d),"
                        .formatted(processes, applied, historyRows())
                        + " exit codes " + exits + ", " + waitedAndFoundNothing + " waited and found nothing to do, "
                        + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms";
                System.out.println(line);
                figures.add(line);

                for (Finished r : runs) {
                    assertThat(r.exit()).as(r.output()).isZero();
                    assertThat(r.output()).as("applied all three, or said why it applied nothing")
                            .satisfiesAnyOf(o -> assertThat(r.count("✓ Applied ")).isEqualTo(3),
                                    o -> assertThat(o).contains("Already at head"));
                }
                assertThat(applied).as("each migration applied by exactly one process").isEqualTo(3);
                assertTheShopSchemaIsThereOnce();
            }
        }
        assertThat(figures).hasSize(7);
    }

    @Test
    void anUpgradeBesideARunningDaemonAppliesEachMigrationExactlyOnce() throws Exception {
        freshProject();
        writeChain(1, SHOP);
        ProcessBuilder daemonCommand = command("start");
        daemonCommand.environment().putAll(Map.of("AUTO_GENERATE", "false", "NO_COLOR", "1"));
        // the daemon's start-up apply and an upgrade, at the same moment
        Process daemon = daemonCommand.start();
        List<String> daemonLines = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(daemon.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    daemonLines.add(line);
                }
            } catch (IOException ignored) {
                // the daemon ended
            }
        });
        reader.start();
        try {
            int next = 1;
            for (int round = 1; round <= 4; round++) {
                long daemonBefore = appliedBy(daemonLines);
                List<String> revisions = List.of(); // round 1: the shop's three, pending when the daemon starts beside the upgrade
                Finished upgrade;
                if (round == 1) {
                    upgrade = finished(command("upgrade").start()).join();
                } else {
                    // the daemon sees new files and applies them; its first migration waits at a gate the test holds
                    // until the upgrade, started meanwhile, has read what is pending and asked for the lock
                    try (Connection gate = db.connect()) {
                        gate.setAutoCommit(false);
                        try (Statement s = gate.createStatement()) {
                            s.execute("LOCK TABLE \"gate\" IN ROW EXCLUSIVE MODE"); // lets reads (the backup's row check) through
                        }
                        revisions = writeChain(next, List.of(
                                new String[]{"LOCK TABLE \"gate\" IN SHARE MODE;\nCREATE TABLE \"t%d\" (\"id\" integer);".formatted(next),
                                        "DROP TABLE \"t%d\";".formatted(next)},
                                new String[]{"CREATE TABLE \"t%d\" (\"id\" integer);".formatted(next + 1), "DROP TABLE \"t%d\";".formatted(next + 1)},
                                new String[]{"CREATE TABLE \"t%d\" (\"id\" integer);".formatted(next + 2), "DROP TABLE \"t%d\";".formatted(next + 2)}));
                        awaitQuery("the daemon waits at the gate inside its migration", "SELECT count(*) FROM pg_stat_activity"
                                + " WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'LOCK TABLE \"gate\"%'");
                        long asking = askingForTheLock();
                        CompletableFuture<Finished> running = finished(command("upgrade").start());
                        awaitQuery("the upgrade asks for the lock", "SELECT CASE WHEN count(*) > " + asking + " THEN 1 ELSE 0 END"
                                + " FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'SELECT pg_try_advisory_lock%'");
                        gate.rollback();
                        upgrade = running.join();
                    }
                }
                next += 3;
                int total = next - 1;
                long byUpgrade = upgrade.count("✓ Applied ");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while ((historyRows() < total || appliedBy(daemonLines) - daemonBefore + byUpgrade < 3) && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                Thread.sleep(500); // anything the daemon would still apply a second time, it would have tried by now
                long byDaemon = appliedBy(daemonLines) - daemonBefore;
                String line = ("upgrade beside the daemon, round %d: 2 processes (daemon + upgrade), 3 new migrations, %d applied"
                        + " (daemon %d, upgrade %d; history rows %d of %d), upgrade exit code %d%s, daemon failures %d")
                        .formatted(round, byDaemon + byUpgrade, byDaemon, byUpgrade, historyRows(), total, upgrade.exit(),
                                upgrade.output().contains("while this one waited") ? " (waited, then found nothing to do)" : "",
                                failures(daemonLines));
                System.out.println(line);

                assertThat(upgrade.exit()).as(upgrade.output()).isZero();
                if (round > 1) {
                    assertThat(upgrade.output()).contains("Already at head (another process applied 3 migrations while this one waited)");
                }
                assertThat(byDaemon + byUpgrade).as("every migration applied by exactly one of them:\n" + String.join("\n", daemonLines)
                        + "\n--- upgrade\n" + upgrade.output()).isEqualTo(3);
                assertThat(historyRows()).isEqualTo(total);
                assertThat(db.queryLong("SELECT count(DISTINCT revision) FROM migrate_watch_history")).isEqualTo(total);
                assertThat(failures(daemonLines)).as(String.join("\n", daemonLines)).isZero();
                for (String r : revisions) {
                    assertThat(db.queryLong("SELECT count(*) FROM migrate_watch_history WHERE revision = '" + r + "'")).isEqualTo(1);
                }
            }
            assertThat(db.queryLong("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename ~ '^t[0-9]+$'")).isEqualTo(9);
            daemon.toHandle().destroy(); // SIGTERM
            assertThat(daemon.waitFor(60, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
            assertThat(daemon.exitValue()).as(String.join("\n", daemonLines)).isZero();
        } finally {
            daemon.destroyForcibly();
        }
    }

    /** Sessions whose last statement asked for the migration lock: the lock holders, and whoever is waiting for it. */
    private static long askingForTheLock() {
        return db.queryLong("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'SELECT pg_try_advisory_lock%'");
    }

    /** Polls until the query gives a count above 0; the deadline only keeps a broken run from hanging the build. */
    private static void awaitQuery(String what, String countQuery) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (db.queryLong(countQuery) == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not seen within 90 s: " + what);
            }
            Thread.sleep(20);
        }
    }

    private static long appliedBy(List<String> daemonLines) {
        synchronized (daemonLines) {
            return daemonLines.stream().filter(l -> l.contains("✓ Migration applied")).count();
        }
    }

    private static long failures(List<String> daemonLines) {
        synchronized (daemonLines) {
            return daemonLines.stream().filter(l -> l.contains("✗")).count();
        }
    }
}
