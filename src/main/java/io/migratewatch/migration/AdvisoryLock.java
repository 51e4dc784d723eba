package io.migratewatch.migration;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;
import io.migratewatch.db.ConnectionLoss;
import io.migratewatch.db.DatabaseUnreachableException;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The session-level advisory lock that keeps two processes from migrating one schema at once. It is
 * held on a connection of its own for a whole use case (read the pending list, plan, back up, apply),
 * not inside a migration's transaction: a transaction-scoped lock would make a statement that waits for
 * other transactions to end (CREATE INDEX CONCURRENTLY) wait for the lock's own transaction forever.
 * Taken with try-and-retry, never a blocking wait, so it cannot deadlock with the migration's own locks.
 */
public final class AdvisoryLock {

    private final long key;
    private final Duration timeout;

    public AdvisoryLock(String schema, Duration timeout) {
        this.key = keyFor(schema);
        this.timeout = timeout;
    }

    static long keyFor(String schema) {
        long h = 1125899906842597L;
        for (byte b : ("migrate-watch:" + schema).getBytes(StandardCharsets.UTF_8)) {
            h = 31 * h + b;
        }
        return h;
    }

    /** "60 s", or "500 ms" for a timeout that is not whole seconds (which toSeconds() would call "0 s"). */
    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /**
     * Takes the lock for the session of {@code own}, waiting up to the timeout. {@code own} must serve
     * nothing else while the lock is held (it stays idle, outside any transaction) and must stay open
     * until {@link Held#close()}: closing the connection releases the lock too.
     *
     * @throws MigrateWatchException (exit 4) when another process held the lock for the whole timeout
     */
    public Held acquire(Connection own) throws SQLException {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        long pause = 50;
        boolean waited = false;
        try (PreparedStatement ps = own.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, key);
            while (true) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return new Held(own, waited, (System.nanoTime() - started) / 1_000_000);
                    }
                }
                waited = true;
                if (System.nanoTime() > deadline) {
                    throw new MigrateWatchException(ExitCode.MIGRATION_FAILED,
                            "another migrate-watch process is migrating this database and held the lock for "
                                    + describe(timeout) + "; nothing was applied. Wait for it to finish and run the command again"
                                    + " (database.lock-timeout sets how long to wait)");
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new MigrateWatchException(ExitCode.MIGRATION_FAILED, "interrupted while waiting for the migration lock; nothing was applied");
                }
                pause = Math.min(pause * 2, 1000);
            }
        }
    }

    /**
     * The lock, held until closed.
     *
     * @param waited      whether another process held it when this one first asked
     * @param waitedMillis how long it took to get it
     */
    public final class Held implements AutoCloseable {

        private final Connection connection;
        private final boolean waited;
        private final long waitedMillis;
        private boolean released;

        private Held(Connection connection, boolean waited, long waitedMillis) {
            this.connection = connection;
            this.waited = waited;
            this.waitedMillis = waitedMillis;
        }

        public boolean waited() {
            return waited;
        }

        public long waitedMillis() {
            return waitedMillis;
        }

        /**
         * Checks that the lock is still this session's: a connection the server terminated took the lock
         * with it, and nothing more may be applied then.
         *
         * @throws MigrateWatchException (exit 4) when the lock is gone
         */
        public void requireHeld() {
            boolean held;
            try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                    + " AND pid = pg_backend_pid() AND granted AND objsubid = 1 AND ((classid::bigint << 32) | objid::bigint) = ?")) {
                ps.setLong(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    held = !released && rs.getLong(1) > 0;
                }
            } catch (SQLException e) {
                if (ConnectionLoss.is(e)) {
                    // a lost connection, said as one, so that the daemon waits for the database and tries again
                    throw new DatabaseUnreachableException("the migration lock was lost with its connection to the database, so"
                            + " nothing more was applied: " + e.getMessage() + ". Run the command again when the database is reachable", e);
                }
                held = false;
            }
            if (!held) {
                throw new MigrateWatchException(ExitCode.MIGRATION_FAILED, "the migration lock was lost (its connection to the"
                        + " database closed), so nothing more was applied: another process may be migrating now. Run the command again");
            }
        }

        /** Releases the lock; a connection already lost has released it with itself. */
        @Override
        public void close() {
            if (released) {
                return;
            }
            released = true;
            try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                ps.setLong(1, key);
                ps.execute();
            } catch (SQLException e) {
                // the session is gone, and the lock with it
            }
        }
    }
}
