package io.migratewatch.workflow;

import io.migratewatch.migration.AdvisoryLock;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The migration lock as a use case holds it: taken by {@link Project#lock()} on a connection of its
 * own, around everything from reading the pending list to recording what was applied, and released
 * by {@link #close()}. A use case that runs inside another's lock (the daemon's start-up upgrade, a
 * deploy that upgrades) gets a nested handle whose close leaves the lock to the outer one.
 */
public final class MigrationLock implements AutoCloseable {

    private final Connection connection;
    private final AdvisoryLock.Held held;
    private final Runnable onRelease;
    private final boolean outermost;

    MigrationLock(Connection connection, AdvisoryLock.Held held, Runnable onRelease) {
        this(connection, held, onRelease, true);
    }

    private MigrationLock(Connection connection, AdvisoryLock.Held held, Runnable onRelease, boolean outermost) {
        this.connection = connection;
        this.held = held;
        this.onRelease = onRelease;
        this.outermost = outermost;
    }

    /** The same lock for a use case run inside the one that took it. */
    MigrationLock nested() {
        return new MigrationLock(connection, held, () -> { }, false);
    }

    /** Whether another process held the lock when this one asked for it (it then re-reads what is pending). */
    public boolean waited() {
        return held.waited();
    }

    /** How long getting the lock took. */
    public long waitedMillis() {
        return held.waitedMillis();
    }

    AdvisoryLock.Held held() {
        return held;
    }

    /** @throws io.migratewatch.MigrateWatchException (exit 4) when the lock's connection was lost, and the lock with it */
    public void requireHeld() {
        held.requireHeld();
    }

    @Override
    public void close() {
        if (!outermost) {
            return;
        }
        try {
            held.close();
            connection.close();
        } catch (SQLException e) {
            // closing a lost connection: the lock went with it
        } finally {
            onRelease.run();
        }
    }
}
