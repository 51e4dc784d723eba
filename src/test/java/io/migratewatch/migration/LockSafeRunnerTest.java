package io.migratewatch.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migratewatch.support.TestDatabase;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lock-safe migrations against a real second session that holds a lock on the table they alter. */
class LockSafeRunnerTest {

    private static TestDatabase db;

    @TempDir
    Path tmp;

    private final HistoryTable history = new HistoryTable("public", "migrate_watch_history");
    private final List<String> notices = new CopyOnWriteArrayList<>();
    private Connection lockConnection;
    private Connection blocker;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("locksafe");
    }

    @AfterAll
    static void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void tableAndBlocker() throws SQLException {
        db.execute("DROP SCHEMA IF EXISTS public CASCADE", "CREATE SCHEMA public",
                "CREATE TABLE customer (id bigint PRIMARY KEY, name text)", "INSERT INTO customer VALUES (1, 'Ada')");
        lockConnection = db.connect();
        blocker = db.connect();
        // an application transaction that read the table and has not ended: it holds ACCESS SHARE until it does
        blocker.setAutoCommit(false);
        try (Statement s = blocker.createStatement(); ResultSet rs = s.executeQuery("SELECT name FROM customer WHERE id = 1")) {
            rs.next();
        }
    }

    @AfterEach
    void close() throws SQLException {
        blocker.close();
        lockConnection.close();
    }

    private MigrationRunner runner(int retries) throws SQLException {
        AdvisoryLock.Held held = new AdvisoryLock("public", Duration.ofSeconds(10)).acquire(lockConnection);
        return new MigrationRunner(history, held).withLimits(new LockLimits(Duration.ofMillis(300), Duration.ofMinutes(1), retries,
                Duration.ofMillis(200)), "public", notices::add);
    }

    private MigrationFile addEmail() {
        return new MigrationDirectory(tmp).write(new MigrationFile(null, "aaaa00000001", List.of(), "customer email",
                Instant.parse("2026-08-19T14:30:22Z"), "auto", "ALTER TABLE customer ADD COLUMN email text;",
                "ALTER TABLE customer DROP COLUMN email;", 0, 0));
    }

    private int blockerPid() throws SQLException {
        try (Statement s = blocker.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void aLockHeldThroughEveryRetryIsReportedWithTheBlockingSessionsPidAndQuery() throws SQLException {
        int pid = blockerPid();
        MigrationRunner runner = runner(2);
        try (Connection c = db.connect()) {
            assertThatThrownBy(() -> runner.run(c, addEmail(), Direction.UP, "upgrade"))
                    .isInstanceOfSatisfying(MigrationFailedException.class, e -> {
                        assertThat(e.isLockTimeout()).isTrue();
                        assertThat(e.getMessage()).contains("canceling statement due to lock timeout",
                                "Gave up after 3 attempts, each waiting 300 ms (lock_timeout) for a lock held by session pid " + pid,
                                "holds AccessShareLock on \"customer\"", "SELECT pg_backend_pid()",
                                "SELECT pg_terminate_backend(" + pid + ")");
                    });
        }
        assertThat(notices).hasSize(2);
        assertThat(notices.get(0)).startsWith("lock timeout: 20260819_143022_aaaa00000001_customer_email.sql waited 300 ms for a lock:"
                + " session pid " + pid).endsWith("trying again in 200 ms (attempt 2 of 3)");
        assertThat(notices.get(1)).endsWith("trying again in 400 ms (attempt 3 of 3)");
        assertThat(db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_name = 'customer' AND column_name = 'email'"))
                .isZero();
        // the application's transaction was never stopped: it still reads the table
        try (Statement s = blocker.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM customer")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1);
        }
    }

    @Test
    void aLockReleasedWhileTheRunnerPausesLetsTheRetryApplyTheMigration() throws Exception {
        AdvisoryLock.Held held = new AdvisoryLock("public", Duration.ofSeconds(10)).acquire(lockConnection);
        // the application's transaction ends while the runner pauses after its first lock timeout
        MigrationRunner runner = new MigrationRunner(history, held).withLimits(new LockLimits(Duration.ofMillis(300),
                Duration.ofMinutes(1), 3, Duration.ofMillis(200)), "public", line -> {
                    notices.add(line);
                    try {
                        blocker.commit();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
        try (Connection c = db.connect()) {
            runner.run(c, addEmail(), Direction.UP, "upgrade");
        }
        assertThat(notices).hasSize(1);
        assertThat(db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_name = 'customer' AND column_name = 'email'"))
                .isEqualTo(1);
        assertThat(db.queryLong("SELECT count(*) FROM migrate_watch_history WHERE revision = 'aaaa00000001'")).isEqualTo(1);
    }

    @Test
    void whileTheMigrationWaitsForTheLockOtherQueriesAreHeldNoLongerThanTheLockTimeout() throws Exception {
        MigrationRunner runner = runner(0);
        // a second application session arrives while the migration's ACCESS EXCLUSIVE request is queued
        long[] waited = new long[1];
        Thread reader = new Thread(() -> {
            try (Connection app = db.connect(); Statement s = app.createStatement()) {
                Thread.sleep(100);
                long start = System.nanoTime();
                s.executeQuery("SELECT count(*) FROM customer").close();
                waited[0] = (System.nanoTime() - start) / 1_000_000;
            } catch (InterruptedException | SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        reader.start();
        try (Connection c = db.connect()) {
            assertThatThrownBy(() -> runner.run(c, addEmail(), Direction.UP, "upgrade")).isInstanceOf(MigrationFailedException.class);
        }
        reader.join();
        assertThat(waited[0]).isLessThan(1000);
    }
}
