package io.migratewatch.watch;

import io.migratewatch.migration.MigrationFile;
import io.migratewatch.migration.MigrationFileFormat;
import io.migratewatch.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrate-watch start} as a real process, killed with SIGKILL while it folds a change into its open migration:
 * during the backup, in the middle of the apply (its transaction waits on the history table), and at random moments.
 * Each time the next daemon starts, reconciles what the killed one left, and applies the next save normally.
 */
class DaemonKillTest {

    private static final String CUSTOMER = """
            package shop;
            import jakarta.persistence.*;
            @Entity
            public class Customer {
                @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                private String name;
            %s}
            """;

    @TempDir
    Path project;

    private TestDatabase db;
    private Process daemon;
    private final List<String> output = new ArrayList<>();
    private final List<String> fields = new ArrayList<>();
    private int faults;
    /** Kills after which the next daemon applied the next save normally; the others left it stuck. */
    private int recovered;

    @AfterEach
    void cleanUp() {
        if (daemon != null) {
            daemon.destroyForcibly();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void aDaemonKilledAtAnyPointOfAFoldIsNeverStuck() throws Exception {
        db = TestDatabase.create("kill");
        Files.createDirectories(project.resolve("src/main/java/shop"));
        Files.writeString(project.resolve("watcher.conf"), """
                models.paths = ["src/main/java"]
                watcher.debounce = 200ms
                notify.desktop = false
                backup.engine = builtin
                database.url = "%s?user=%s"
                """.formatted(db.jdbcUrl(), db.url().user()));
        start();
        int seen = lines();
        save();
        awaitLine(seen, "✓ Migration applied");
        // enough rows that the backup before each fold takes a moment
        db.execute("INSERT INTO customer (name) SELECT 'n' || i FROM generate_series(1, 100000) i");

        try {
            killDuringTheBackup();
            killDuringTheApply();
            Random random = new Random(42);
            for (int i = 0; i < 6; i++) {
                killAfter(random.nextInt(1500));
            }
        } finally {
            long reconciled;
            synchronized (output) {
                reconciled = output.stream().filter(l -> l.startsWith("↺ Reconciled") || l.startsWith("Removed migrations/")).count();
            }
            System.out.println("Daemon faults (SIGKILL of a real daemon process): " + faults + " faults injected, " + (faults - recovered)
                    + " stuck daemons, " + reconciled + " files reconciled or removed at start-up");
        }
        assertThat(recovered).isEqualTo(faults);
    }

    private void killDuringTheBackup() throws Exception {
        save("during_backup");
        waitFor(() -> db.queryLong("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'COPY %TO STDOUT'") > 0,
                "the daemon backs up");
        kill();
        restartAndCheck();
    }

    private void killDuringTheApply() throws Exception {
        try (Connection blocker = db.connect(); Statement s = blocker.createStatement()) {
            // the fold's statements run, then its history write waits: the daemon is killed inside its transaction
            blocker.setAutoCommit(false);
            s.execute("LOCK TABLE migrate_watch_history IN SHARE MODE");
            save("during_apply");
            waitFor(() -> db.queryLong("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND wait_event_type = 'Lock' AND query LIKE 'UPDATE %migrate_watch_history%'") > 0, "the daemon applies");
            assertThat(staged()).as("the new text waits under a temporary name").isNotEmpty();
            kill();
            blocker.rollback();
        }
        restartAndCheck();
    }

    private void killAfter(int millis) throws Exception {
        save("after_" + millis + "ms");
        Thread.sleep(millis);
        kill();
        restartAndCheck();
    }

    /** The next daemon reconciles what the killed one left, and the next save is applied without drift. */
    private void restartAndCheck() throws Exception {
        int seen = lines();
        start();
        // whatever the killed run did not finish, the new daemon's start-up finishes
        waitFor(() -> columns(fields.get(fields.size() - 1)) == 1, "the change the killed daemon was applying is applied");
        Thread.sleep(500);
        int before = lines();
        save("next_" + fields.size());
        waitFor(() -> columns(fields.get(fields.size() - 1)) == 1, "the next save is applied");
        awaitLine(before, "✓ Migration applied");
        synchronized (output) {
            assertThat(output.subList(seen, output.size())).as("after the kill").noneMatch(l -> l.contains("drift") || l.startsWith("✗"));
        }
        assertFilesAgreeWithHistory();
        assertThat(staged()).isEmpty();
        recovered++;
    }

    private void start() throws IOException, InterruptedException {
        int seen = lines();
        daemon = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.migratewatch.cli.Main", "start")
                .directory(project.toFile()).redirectErrorStream(true).start();
        Process p = daemon;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (output) {
                        output.add(line);
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        awaitLine(seen, "Watching");
    }

    private void kill() throws InterruptedException {
        faults++;
        daemon.toHandle().destroyForcibly(); // SIGKILL
        assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).isTrue();
        daemon = null;
    }

    private void save(String... newFields) throws IOException {
        fields.addAll(List.of(newFields));
        StringBuilder body = new StringBuilder();
        fields.forEach(f -> body.append("    private String ").append(f).append(";\n"));
        Files.writeString(project.resolve("src/main/java/shop/Customer.java"), CUSTOMER.formatted(body));
    }

    private int lines() {
        synchronized (output) {
            return output.size();
        }
    }

    private void awaitLine(int from, String start) throws InterruptedException {
        waitFor(() -> {
            synchronized (output) {
                return output.subList(Math.min(from, output.size()), output.size()).stream().anyMatch(l -> l.startsWith(start));
            }
        }, "a line starting with " + start);
    }

    private void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                synchronized (output) {
                    throw new AssertionError("waited a minute for: " + what + "\n" + String.join("\n", output));
                }
            }
            Thread.sleep(20);
        }
    }

    private long columns(String name) {
        return db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_name = 'customer' AND column_name = '" + name + "'");
    }

    private List<Path> staged() throws IOException {
        try (Stream<Path> s = Files.list(project.resolve("migrations"))) {
            return s.filter(p -> p.getFileName().toString().startsWith(".")).toList();
        }
    }

    private void assertFilesAgreeWithHistory() throws Exception {
        Map<String, String> checksums = new HashMap<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT revision, checksum FROM migrate_watch_history")) {
            while (rs.next()) {
                checksums.put(rs.getString(1), rs.getString(2));
            }
        }
        Map<String, String> fromFiles = new HashMap<>();
        try (Stream<Path> s = Files.list(project.resolve("migrations"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".sql")).toList()) {
                MigrationFile m = MigrationFileFormat.parse(p, Files.readString(p));
                fromFiles.put(m.revision(), m.checksum());
            }
        }
        assertThat(fromFiles).isEqualTo(checksums);
    }
}
