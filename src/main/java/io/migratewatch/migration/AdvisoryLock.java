package io.migratewatch.migration;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The transaction-scoped advisory lock that keeps two processes from migrating one schema at once.
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

    /** Takes the lock inside the connection's current transaction, waiting up to the timeout. */
    public void acquire(Connection c) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 50;
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            ps.setLong(1, key);
            while (true) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new MigrateWatchException(ExitCode.MIGRATION_FAILED,
                            "another migrate-watch process is migrating this database and held the lock for "
                                    + describe(timeout) + "; nothing was applied. Wait for it to finish and run the command again");
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new MigrateWatchException(ExitCode.MIGRATION_FAILED, "interrupted while waiting for the migration lock");
                }
                pause = Math.min(pause * 2, 1000);
            }
        }
    }
}
