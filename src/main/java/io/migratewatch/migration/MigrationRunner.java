package io.migratewatch.migration;

import io.migratewatch.db.ConnectionLoss;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Applies migrations: each in its own transaction, recorded in the history table in the same
 * transaction, while the caller holds the migration lock. A failing statement rolls the whole
 * migration back.
 */
public final class MigrationRunner {

    private final HistoryTable history;
    private final AdvisoryLock.Held lock;

    /** @param lock the migration lock the caller holds for its whole use case; null when it holds none, and then nothing runs */
    public MigrationRunner(HistoryTable history, AdvisoryLock.Held lock) {
        this.history = history;
        this.lock = lock;
    }

    /** Runs one migration's up (recording it) or down (removing its record); returns the time taken in ms. */
    public long run(Connection c, MigrationFile m, Direction direction, String how) throws SQLException {
        return run(c, m, direction, how, null);
    }

    /** @param backup the backup taken before it (its path, recorded with an applied migration), or null */
    public long run(Connection c, MigrationFile m, Direction direction, String how, String backup) throws SQLException {
        long start = System.nanoTime();
        return inLockedTransaction(c, () -> {
            history.ensureExists(c);
            String section = direction == Direction.UP ? "up" : "down";
            String sql = direction == Direction.UP ? m.up() : m.down();
            int firstLine = direction == Direction.UP ? m.upLine() : m.downLine();
            execute(c, m, section, SqlScript.statements(sql, firstLine));
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (direction == Direction.UP) {
                writeHistory(m, history.insertSql(), () -> history.record(c, m, ms, how, backup));
            } else {
                writeHistory(m, history.deleteSql(), () -> history.remove(c, m.revision()));
            }
            return ms;
        });
    }

    /**
     * Applies the increment of a folded migration, which is already applied: the database receives
     * only the new statements, and the history row follows the rewritten file — or goes, when the
     * migration was folded away ({@code rewritten} null).
     *
     * @param statements the increment's SQL, one statement each
     * @param backup     the backup taken before it, or null
     */
    public void fold(Connection c, MigrationFile migration, List<String> statements, MigrationFile rewritten, String backup)
            throws SQLException {
        inLockedTransaction(c, () -> {
            execute(c, migration, "up", statements.stream().map(sql -> new SqlStatement(sql, 0)).toList());
            if (rewritten != null) {
                writeHistory(migration, history.updateSql(), () -> history.update(c, rewritten, backup));
            } else {
                writeHistory(migration, history.deleteSql(), () -> history.remove(c, migration.revision()));
            }
            return null;
        });
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    /** One transaction, while the lock is held: committed when the work succeeds, rolled back whole when it fails. */
    private <T> T inLockedTransaction(Connection c, Work<T> work) throws SQLException {
        if (lock == null) {
            throw new IllegalStateException("migrations are applied only under the migration lock");
        }
        lock.requireHeld();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            T result = work.run();
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private interface HistoryWrite {
        void run() throws SQLException;
    }

    /**
     * A history write that PostgreSQL refuses fails the migration like a statement of its own would
     * (the transaction is rolled back); a lost connection stays a lost connection.
     */
    private static void writeHistory(MigrationFile m, String sql, HistoryWrite write) throws SQLException {
        try {
            write.run();
        } catch (SQLException e) {
            if (ConnectionLoss.is(e)) {
                throw e;
            }
            throw new MigrationFailedException(m, "history", new SqlStatement(sql, 0), e.getMessage(), e);
        }
    }

    private static void execute(Connection c, MigrationFile m, String section, List<SqlStatement> statements) {
        for (SqlStatement st : statements) {
            try (Statement s = c.createStatement()) {
                s.execute(st.sql());
            } catch (SQLException e) {
                throw new MigrationFailedException(m, section, st, e.getMessage(), e);
            }
        }
    }
}
