package io.migratewatch.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;
import io.migratewatch.support.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The session-level migration lock, against a real PostgreSQL. */
class AdvisoryLockTest {

    private static TestDatabase db;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("lock");
    }

    @AfterAll
    static void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    private static AdvisoryLock lock(Duration timeout) {
        return new AdvisoryLock("public", timeout);
    }

    /** What another session gets when it tries the key once, without waiting (and lets go at once if it got it). */
    private static boolean freeFor(Connection other, String schema) throws SQLException {
        try (PreparedStatement ps = other.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, AdvisoryLock.keyFor(schema));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return false;
                }
            }
        }
        try (PreparedStatement ps = other.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            ps.setLong(1, AdvisoryLock.keyFor(schema));
            ps.execute();
        }
        return true;
    }

    private static void holdSessionLock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_lock(?)")) {
            ps.setLong(1, AdvisoryLock.keyFor("public"));
            ps.execute();
        }
    }

    private static long backendPid(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Polls until {@code countQuery} (on pg_stat_activity) counts one row. The deadline only keeps a broken
     * lock from hanging the build: it is no timing goal.
     */
    private static void awaitActivity(String what, String countQuery) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (db.queryLong(countQuery) == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not seen within a minute: " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void lockKeyIsTheSameInEveryProcessAndReleaseAndDiffersPerSchema() {
        // Two processes exclude each other only if they compute the same key for a schema, whatever the JVM,
        // the run or the migrate-watch release: the values are pinned, so that a changed hash (which would let an
        // old and a new release migrate one schema at the same time) fails here.
        assertThat(AdvisoryLock.keyFor("public")).isEqualTo(3558004719074171835L);
        assertThat(AdvisoryLock.keyFor("Shop")).isEqualTo(-2414913369999137560L);
        assertThat(AdvisoryLock.keyFor("public")).isNotEqualTo(AdvisoryLock.keyFor("billing"));
        assertThat(AdvisoryLock.keyFor("Shop")).as("schema names are case-sensitive in PostgreSQL")
                .isNotEqualTo(AdvisoryLock.keyFor("shop"));
    }

    @Test
    void theLockBelongsToTheSessionOutsideAnyTransactionUntilItIsClosed() throws Exception {
        try (Connection own = db.connect(); Connection other = db.connect()) {
            try (AdvisoryLock.Held held = lock(Duration.ofSeconds(5)).acquire(own)) {
                assertThat(held.waited()).isFalse();
                held.requireHeld();
                assertThat(freeFor(other, "public")).as("taken while held").isFalse();
                assertThat(db.queryLong("SELECT count(*) FROM pg_stat_activity WHERE pid = " + backendPid(own) + " AND state = 'idle'"))
                        .as("the lock's connection sits idle, in no transaction").isEqualTo(1);
            }
            assertThat(freeFor(other, "public")).as("free after close").isTrue();
            assertThat(own.isClosed()).as("closing the lock leaves the connection to its owner").isFalse();
        }
    }

    @Test
    void createIndexConcurrentlyRunsWhileTheLockIsHeld() throws Exception {
        // the reason for a session lock: a transaction holding the lock would make CREATE INDEX CONCURRENTLY, which
        // waits for every older transaction to end, wait for the lock's own transaction forever
        db.execute("CREATE TABLE cic (id integer)", "INSERT INTO cic SELECT generate_series(1, 1000)");
        try (Connection own = db.connect(); Connection work = db.connect();
             AdvisoryLock.Held held = lock(Duration.ofSeconds(5)).acquire(own)) {
            try (Statement s = work.createStatement()) {
                s.execute("SET statement_timeout = '60s'");
                s.execute("CREATE INDEX CONCURRENTLY cic_id ON cic (id)");
            }
            held.requireHeld();
        }
        assertThat(db.queryLong("SELECT count(*) FROM pg_indexes WHERE indexname = 'cic_id'")).isEqualTo(1);
        db.execute("DROP TABLE cic");
    }

    @Test
    void anotherSessionHoldingTheLockMakesAcquireGiveUpAfterTheTimeoutWithAClearMessage() throws Exception {
        try (Connection holder = db.connect(); Connection own = db.connect()) {
            holdSessionLock(holder);
            long start = System.nanoTime();

            assertThatThrownBy(() -> lock(Duration.ofMillis(500)).acquire(own))
                    .isInstanceOf(MigrateWatchException.class)
                    .hasMessageContaining("another migrate-watch process is migrating this database")
                    .hasMessageContaining("nothing was applied")
                    .hasMessageContaining("500 ms")
                    .hasMessageContaining("database.lock-timeout")
                    .satisfies(e -> assertThat(((MigrateWatchException) e).exitCode()).isEqualTo(ExitCode.MIGRATION_FAILED));

            // its own 500 ms timeout: it waited that long (never less) and then gave up instead of waiting for the
            // holder, who never lets go; the upper bound leaves a wide margin for a loaded machine
            long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(waitedMs).isBetween(500L, 10_000L);
        }
    }

    @Test
    void acquireWaitsForALockReleasedMidwayAndSaysItWaited() throws Exception {
        try (Connection holder = db.connect(); Connection own = db.connect()) {
            holdSessionLock(holder);
            long ownPid = backendPid(own);
            AtomicBoolean released = new AtomicBoolean();
            // let go of the lock only once the other has tried to take it, however slow the machine
            CompletableFuture<Void> release = CompletableFuture.runAsync(() -> {
                try {
                    awaitActivity("the lock was tried", "SELECT count(*) FROM pg_stat_activity WHERE pid = " + ownPid
                            + " AND query LIKE '%pg_try_advisory_lock%'");
                    released.set(true);
                    holder.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            try (AdvisoryLock.Held held = lock(Duration.ofSeconds(60)).acquire(own)) {
                assertThat(released).as("taken only after the other session let go").isTrue();
                assertThat(held.waited()).isTrue();
                held.requireHeld();
            }
            release.get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void aLockOnAnotherSchemaDoesNotBlock() throws Exception {
        try (Connection holder = db.connect(); Connection own = db.connect()) {
            try (PreparedStatement ps = holder.prepareStatement("SELECT pg_advisory_lock(?)")) {
                ps.setLong(1, AdvisoryLock.keyFor("billing"));
                ps.execute();
            }
            try (AdvisoryLock.Held held = lock(Duration.ofMillis(200)).acquire(own)) {
                assertThat(held.waited()).isFalse();
            }
        }
    }

    @Test
    void aTerminatedSessionTakesTheLockWithItAndRequireHeldSaysSo() throws Exception {
        try (Connection own = db.connect(); Connection other = db.connect()) {
            AdvisoryLock.Held held = lock(Duration.ofSeconds(5)).acquire(own);
            db.execute("SELECT pg_terminate_backend(" + backendPid(own) + ")");

            assertThatThrownBy(held::requireHeld).isInstanceOf(MigrateWatchException.class)
                    .hasMessageContaining("the migration lock was lost");
            assertThat(freeFor(other, "public")).isTrue();
            held.close(); // on a lost connection: nothing to release, and no error
        }
    }
}
