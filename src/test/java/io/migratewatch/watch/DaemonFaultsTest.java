package io.migratewatch.watch;

import io.migratewatch.backup.BackupException;
import io.migratewatch.config.Settings;
import io.migratewatch.config.SettingsLoader;
import io.migratewatch.notify.EventKind;
import io.migratewatch.notify.Notification;
import io.migratewatch.support.RecordingNotifier;
import io.migratewatch.support.TestDatabase;
import io.migratewatch.workflow.BackupStep;
import io.migratewatch.workflow.Project;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fold or a create that fails at each point — the backup, the connection before and during the apply, a statement,
 * the file system after the commit — leaves files and database agreeing, and the next save is applied normally. The
 * daemon, its directory watcher and the database are real; faults come through the backup step, which runs after the
 * new text is staged and before anything is applied, and from a second connection.
 */
class DaemonFaultsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicInteger FAULTS = new AtomicInteger();
    /** Faults after which the next save was applied normally; the others left the daemon stuck. */
    private static final AtomicInteger RECOVERED = new AtomicInteger();

    @TempDir
    Path project;

    private TestDatabase db;
    private Project mw;
    private Daemon daemon;
    private final RecordingNotifier notes = new RecordingNotifier();
    /** Runs once, at the next backup, then the step is a plain "no backup" again. */
    private final AtomicReference<BackupStep> fault = new AtomicReference<>();

    private static final String CUSTOMER = """
            package shop;
            import jakarta.persistence.*;
            @Entity
            public class Customer {
                @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                private String name;
            %s}
            """;

    @AfterEach
    void stopAll() {
        if (daemon != null) {
            daemon.stop(10_000);
        }
        if (mw != null) {
            mw.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @AfterAll
    static void figure() {
        System.out.println("Daemon faults (in-process): " + FAULTS.get() + " faults injected, "
                + (FAULTS.get() - RECOVERED.get()) + " stuck daemons");
    }

    private void start() throws Exception {
        db = TestDatabase.create("faults");
        Files.createDirectories(project.resolve("src/main/java/shop"));
        Files.writeString(project.resolve("watcher.conf"), """
                models.paths = ["src/main/java"]
                watcher.debounce = 300ms
                notify.desktop = false
                notify.terminal = false
                """);
        Settings settings = SettingsLoader.load(null, project, Map.of(), db.jdbcUrl() + "?user=" + db.url().user());
        mw = new Project(settings, line -> { });
        BackupStep step = (c, revision) -> {
            BackupStep f = fault.getAndSet(null);
            return f == null ? BackupStep.Result.skipped("off in this test") : f.before(c, revision);
        };
        daemon = new Daemon(mw, notes, step);
        Thread thread = new Thread(() -> {
            try {
                daemon.run();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, "daemon-under-test");
        thread.start();
        notes.await(0, n -> n.text().startsWith("Watching"), WAIT);
        Thread.sleep(200);
        save("");
        notes.await(0, EventKind.APPLIED, WAIT);
        db.execute("INSERT INTO customer (name) VALUES ('Ada')");
    }

    private void save(String fields) throws IOException {
        Files.writeString(project.resolve("src/main/java/shop/Customer.java"), CUSTOMER.formatted(fields));
    }

    private Map<String, String> files() throws IOException {
        Map<String, String> out = new HashMap<>();
        try (Stream<Path> s = Files.list(project.resolve("migrations"))) {
            for (Path p : s.toList()) {
                out.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        return out;
    }

    private long columns(String name) {
        return db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_name = 'customer' AND column_name = '" + name + "'");
    }

    /**
     * After a fault: a save of {@code fields} is applied (not reported as drift), and every migration file's checksum is
     * its history row's, with no staged file left over.
     */
    private void nextSaveIsApplied(String fields, String column) throws Exception {
        int before = notes.count();
        save(fields);
        notes.await(before, n -> n.kind() == EventKind.APPLIED && n.text().startsWith("✓ Migration applied"), WAIT);
        assertThat(notes.all().subList(before, notes.count())).noneMatch(n -> n.text().contains("drift"));
        assertThat(columns(column)).isEqualTo(1);
        assertFilesAgreeWithHistory();
        assertThat(db.queryLong("SELECT count(*) FROM customer WHERE name = 'Ada'")).as("the data stays").isEqualTo(1);
        RECOVERED.incrementAndGet();
    }

    private void assertFilesAgreeWithHistory() throws Exception {
        assertThat(files().keySet()).as("no temporary file is left").allSatisfy(name -> assertThat(name).endsWith(".sql").doesNotStartWith("."));
        RealDaemon.assertFilesAgreeWithHistory(db, files());
    }

    private static int backendPid(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void terminate(int pid) {
        db.execute("SELECT pg_terminate_backend(" + pid + ")");
    }

    @Test
    void aBackupThatFailsLeavesTheOpenMigrationAsItWas() throws Exception {
        start();
        Map<String, String> files = files();
        fault.set((c, revision) -> {
            throw new BackupException("No space left on device");
        });
        FAULTS.incrementAndGet();
        int before = notes.count();
        save("    private String email;\n");

        Notification failed = notes.await(before, EventKind.FAILED, WAIT);

        assertThat(failed.text()).contains("No space left on device");
        assertThat(files()).as("the open migration keeps the text the database has").isEqualTo(files);
        assertThat(columns("email")).isZero();
        nextSaveIsApplied("    private String email;\n    private String phone;\n", "phone");
        assertThat(columns("email")).isEqualTo(1);
    }

    @Test
    void theConnectionLostBeforeTheApplyIsRetriedAndApplied() throws Exception {
        start();
        fault.set((c, revision) -> {
            try {
                terminate(backendPid(c));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return BackupStep.Result.skipped("off in this test");
        });
        FAULTS.incrementAndGet();
        int before = notes.count();
        save("    private String email;\n");

        notes.await(before, EventKind.UNREACHABLE, WAIT);
        notes.await(before, EventKind.APPLIED, WAIT);

        assertThat(columns("email")).isEqualTo(1);
        assertFilesAgreeWithHistory();
        nextSaveIsApplied("    private String email;\n    private String phone;\n", "phone");
    }

    @Test
    void theConnectionLostWhileAStatementRunsIsRolledBackRetriedAndApplied() throws Exception {
        start();
        Map<String, String> files = files();
        AtomicInteger daemonPid = new AtomicInteger();
        try (Connection blocker = db.connect(); Statement s = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            fault.set((c, revision) -> {
                try {
                    daemonPid.set(backendPid(c));
                    // a reader in an open transaction, from after the proof: the daemon's ALTER TABLE waits for it, mid-apply
                    s.execute("SELECT count(*) FROM customer");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                return BackupStep.Result.skipped("off in this test");
            });
            int before = notes.count();
            save("    private String email;\n");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (daemonPid.get() == 0 || db.queryLong("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid = "
                    + daemonPid.get() + " AND query LIKE 'ALTER TABLE%'") == 0) {
                assertThat(System.nanoTime()).as("the daemon's ALTER TABLE waits").isLessThan(deadline);
                Thread.sleep(50);
            }
            assertThat(Files.list(project.resolve("migrations")).map(p -> p.getFileName().toString()))
                    .as("while it applies, the new text waits under a temporary name").anyMatch(n -> n.endsWith(".staged"));
            terminate(daemonPid.get());
            FAULTS.incrementAndGet();
            notes.await(before, EventKind.UNREACHABLE, WAIT);
            assertThat(files()).as("the open migration keeps the text the database has").isEqualTo(files);
            assertThat(columns("email")).isZero();
            blocker.rollback();
        }
        Notification recovered = notes.await(0, EventKind.RECOVERED, WAIT);
        notes.await(notes.all().indexOf(recovered), EventKind.APPLIED, WAIT);
        assertThat(columns("email")).as("the retry applies the fold").isEqualTo(1);
        assertFilesAgreeWithHistory();
        nextSaveIsApplied("    private String email;\n    private String phone;\n", "phone");
    }

    @Test
    void aStatementThatFailsRollsTheWholeFoldBack() throws Exception {
        start();
        Map<String, String> files = files();
        fault.set((c, revision) -> {
            // someone adds the same column by hand just before the daemon does
            db.execute("ALTER TABLE customer ADD COLUMN email varchar(255)");
            return BackupStep.Result.skipped("off in this test");
        });
        FAULTS.incrementAndGet();
        int before = notes.count();
        save("    private String email;\n    private Integer age;\n");

        Notification failed = notes.await(before, EventKind.FAILED, WAIT);

        assertThat(failed.text()).startsWith("✗ Migration failed: ").contains("already exists");
        assertThat(files()).isEqualTo(files);
        assertThat(columns("age")).as("rolled back whole").isZero();
        db.execute("ALTER TABLE customer DROP COLUMN email");
        nextSaveIsApplied("    private String email;\n    private Integer age;\n    private String phone;\n", "phone");
        assertThat(columns("age")).isEqualTo(1);
    }

    @Test
    void aFoldWhoseFileCannotBePlacedAfterTheCommitIsReconciledFromTheHistory() throws Exception {
        start();
        fault.set((c, revision) -> {
            // the file system loses the staged text between the commit and the rename
            try (Stream<Path> s = Files.list(project.resolve("migrations"))) {
                for (Path p : s.filter(p -> p.toString().endsWith(".staged")).toList()) {
                    Files.delete(p);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return BackupStep.Result.skipped("off in this test");
        });
        FAULTS.incrementAndGet();
        int before = notes.count();
        save("    private String email;\n");

        Notification failed = notes.await(before, EventKind.FAILED, WAIT);
        assertThat(failed.text()).startsWith("✗ the database has migration ").contains("its file could not be written");
        assertThat(columns("email")).as("the database has the fold").isEqualTo(1);

        before = notes.count();
        nextSaveIsApplied("    private String email;\n    private String phone;\n", "phone");
        Notification reconciled = notes.await(before, n -> n.text().startsWith("↺ Reconciled"), WAIT);
        assertThat(reconciled.text()).startsWith("↺ Reconciled migrations/").contains(" with the database: put back the SQL that was applied")
                .contains(".migrate-watch/reconciled/");
        try (Stream<Path> kept = Files.list(project.resolve(".migrate-watch/reconciled"))) {
            assertThat(kept.toList()).as("the text that was replaced is kept").hasSize(1);
        }
        assertThat(notes.of(EventKind.FAILED)).hasSize(1);
    }

    @Test
    void aNewMigrationWhoseFileCannotBePlacedIsWrittenFromTheHistory() throws Exception {
        start();
        fault.set((c, revision) -> {
            try (Stream<Path> s = Files.list(project.resolve("migrations"))) {
                for (Path p : s.filter(p -> p.toString().endsWith(".staged")).toList()) {
                    Files.delete(p);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return BackupStep.Result.skipped("off in this test");
        });
        Files.writeString(project.resolve("src/main/java/shop/Supplier.java"), """
                package shop;
                import jakarta.persistence.*;
                @Entity public class Supplier { @Id private Long id; private String name; }
                """);
        // commit the first migration so that the new entity gets a migration of its own
        git("init", "-q");
        git("add", "migrations");
        git("commit", "-q", "-m", "first");
        FAULTS.incrementAndGet();
        int before = notes.count();
        Files.writeString(project.resolve("src/main/java/shop/Supplier.java"), """
                package shop;
                import jakarta.persistence.*;
                @Entity public class Supplier { @Id private Long id; private String name; private String city; }
                """);
        notes.await(before, EventKind.FAILED, WAIT);
        assertThat(db.queryLong("SELECT count(*) FROM migrate_watch_history")).isEqualTo(2);
        assertThat(files()).hasSize(1);

        before = notes.count();
        nextSaveIsApplied("    private String email;\n", "email");
        assertThat(notes.all().subList(before, notes.count())).anyMatch(n -> n.text().contains("written from the history"));
        assertThat(files()).hasSize(2);
    }

    private void git(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", project.toString(), "-c", "user.name=test", "-c", "user.email=t@example.com"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }
}
