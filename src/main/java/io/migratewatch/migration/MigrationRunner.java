package io.migratewatch.migration;

import io.migratewatch.db.ConnectionLoss;
import io.migratewatch.db.Transaction;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Applies migrations: each in its own transaction, recorded in the history table in the same
 * transaction, while the caller holds the migration lock. A failing statement rolls the whole
 * migration back.
 */
public final class MigrationRunner {

    private final HistoryTable history;
    private final AdvisoryLock.Held lock;
    private final LockLimits limits;
    private final String schema;
    private final Consumer<String> notices;

    /** @param lock the migration lock the caller holds for its whole use case; null when it holds none, and then nothing runs */
    public MigrationRunner(HistoryTable history, AdvisoryLock.Held lock) {
        this(history, lock, null, null, line -> { });
    }

    private MigrationRunner(HistoryTable history, AdvisoryLock.Held lock, LockLimits limits, String schema, Consumer<String> notices) {
        this.history = history;
        this.lock = lock;
        this.limits = limits;
        this.schema = schema;
        this.notices = notices;
    }

    /**
     * The same runner, lock-safe: each migration runs with {@code lock_timeout} and {@code statement_timeout} set on
     * the session, a lock timeout is retried after a growing pause (each retry told to {@code notices}), and the last
     * one is reported with the sessions of {@code schema} that held a lock on the table the statement names.
     */
    public MigrationRunner withLimits(LockLimits newLimits, String managedSchema, Consumer<String> newNotices) {
        return new MigrationRunner(history, lock, newLimits, managedSchema, newNotices);
    }

    /** The limits each migration runs with, or null when it runs without (as the session is). */
    public LockLimits limits() {
        return limits;
    }

    /** Runs one migration's up (recording it) or down (removing its record); returns the time taken in ms. */
    public long run(Connection c, MigrationFile m, Direction direction, String how) throws SQLException {
        return run(c, m, direction, how, null);
    }

    /** @param backup the backup taken before it (its path, recorded with an applied migration), or null */
    public long run(Connection c, MigrationFile m, Direction direction, String how, String backup) throws SQLException {
        return limited(c, () -> runOnce(c, m, direction, how, backup));
    }

    /**
     * Runs {@code work}, which runs migration statements (a migration, or a check that runs its sections in a transaction
     * it rolls back), as the limits say: without, or with {@code lock_timeout} and {@code statement_timeout} set and a
     * lock timeout retried, the last one reported with the sessions that held the lock.
     */
    public <T> T limited(Connection c, Transaction.Work<T> work) throws SQLException {
        if (limits == null) {
            return work.run();
        }
        for (int attempt = 1; ; attempt++) {
            try (Statement s = c.createStatement()) {
                s.execute("SET lock_timeout = " + limits.lockTimeout().toMillis());
                s.execute("SET statement_timeout = " + limits.statementTimeout().toMillis());
            }
            try {
                return work.run();
            } catch (MigrationFailedException e) {
                if (!e.isLockTimeout()) {
                    throw e;
                }
                List<LockHolders.Holder> holders = LockHolders.of(c, schema, e.statement().sql());
                if (attempt <= limits.retries()) {
                    Duration pause = limits.pauseAfter(attempt);
                    notices.accept(LockLimits.retryNotice(e.migration().fileName(), limits.lockTimeout(), holders, pause, attempt + 1,
                            limits.retries() + 1));
                    pause(pause);
                    continue;
                }
                throw e.heldBy(holders, (attempt > 1 ? "Gave up after " + attempt + " attempts, each waiting " : "Waited ")
                        + LockLimits.describe(limits.lockTimeout()) + " (lock_timeout) for a lock "
                        + (holders.isEmpty() ? "another session held" : "held by " + LockHolders.describe(holders)
                        + ". Let that transaction finish, or end it with SELECT pg_terminate_backend(" + holders.get(0).pid()
                        + "), then run the command again"));
            }
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to try the migration again", e);
        }
    }

    private long runOnce(Connection c, MigrationFile m, Direction direction, String how, String backup) throws SQLException {
        long start = System.nanoTime();
        String section = direction == Direction.UP ? "up" : "down";
        String sql = direction == Direction.UP ? m.up() : m.down();
        int firstLine = direction == Direction.UP ? m.upLine() : m.downLine();
        if (MigrationStep.hasSteps(sql)) {
            return runSteps(c, m, direction, how, backup, MigrationStep.of(sql, firstLine), start);
        }
        return inLockedTransaction(c, () -> {
            history.ensureExists(c);
            if (direction == Direction.UP && m.proofWhenApplied()) {
                ProofWhenApplied.upThenProve(c, m, Set.of(history.name(), StepProgress.tableName(history.name())),
                        (part, statements) -> StatementBatch.run(c, m, part, statements));
            } else {
                StatementBatch.run(c, m, section, SqlScript.statements(sql, firstLine));
            }
            return recordIn(c, m, direction, how, backup, start);
        });
    }

    private long recordIn(Connection c, MigrationFile m, Direction direction, String how, String backup, long start) throws SQLException {
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (direction == Direction.UP) {
            writeHistory(m, history.insertSql(), () -> history.record(c, m, ms, how, backup));
        } else {
            writeHistory(m, history.deleteSql(), () -> history.remove(c, m.revision()));
        }
        return ms;
    }

    /**
     * A section with steps: each transactional step in a transaction of its own, each statement of a step outside
     * the transaction on its own; the progress is recorded after each step, and the history when the last is done
     * (in the last step's transaction). A run that stopped half way goes on from the first step not done; an invalid
     * index that a failed {@code CREATE INDEX CONCURRENTLY} left is dropped before the build runs again.
     */
    private long runSteps(Connection c, MigrationFile m, Direction direction, String how, String backup,
                          List<MigrationStep> steps, long start) throws SQLException {
        requireLock();
        String section = direction == Direction.UP ? "up" : "down";
        StepProgress progress = new StepProgress(history.schema(), history.name());
        String checksum = m.checksum();
        history.ensureExists(c);
        progress.ensureExists(c);
        int done = progress.done(c, m.revision(), section, checksum);
        if (done > 0) {
            notices.accept(m.fileName() + ": " + done + " of " + steps.size() + " steps (" + section + ") were done by an earlier run;"
                    + " going on from step " + (done + 1));
        }
        long ms = 0;
        for (int i = done; i < steps.size(); i++) {
            try {
                ms = runStep(c, m, direction, how, backup, steps, i, start, progress, section, checksum);
            } catch (MigrationFailedException e) {
                throw e.inSteps("This migration runs in " + steps.size() + " steps: " + (i == 0 ? "none is done" : i == 1 ? "step 1 is done and stays applied"
                        : "steps 1 to " + i + " are done and stay applied") + "; step " + (i + 1) + " failed (" + (steps.get(i)
                        .transactional() ? "its transaction was rolled back" : "it runs outside a transaction") + "). Running the"
                        + " command again goes on from step " + (i + 1) + ".");
            }
        }
        return ms;
    }

    private long runStep(Connection c, MigrationFile m, Direction direction, String how, String backup, List<MigrationStep> steps,
                         int i, long start, StepProgress progress, String section, String checksum) throws SQLException {
        MigrationStep step = steps.get(i);
        boolean last = i == steps.size() - 1;
        int stepsDone = i + 1;
        if (step.transactional()) {
            return inLockedTransaction(c, () -> {
                StatementBatch.run(c, m, section, step.statements());
                return finishStep(c, m, direction, how, backup, start, progress, section, checksum, stepsDone, last);
            });
        }
        for (SqlStatement st : step.statements()) {
            dropInvalidIndex(c, m, section, st);
            StatementBatch.oneByOne(c, m, section, List.of(st));
        }
        return inLockedTransaction(c, () -> finishStep(c, m, direction, how, backup, start, progress, section, checksum,
                stepsDone, last));
    }

    private long finishStep(Connection c, MigrationFile m, Direction direction, String how, String backup, long start,
                            StepProgress progress, String section, String checksum, int stepsDone, boolean last) throws SQLException {
        if (!last) {
            progress.record(c, m.revision(), section, checksum, stepsDone);
            return 0;
        }
        progress.clear(c, m.revision());
        return recordIn(c, m, direction, how, backup, start);
    }

    private static final java.util.regex.Pattern CONCURRENT_INDEX = java.util.regex.Pattern.compile(
            "(?is)^\\s*CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+CONCURRENTLY\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\"(?:[^\"]|\"\")+\"|[a-z_][a-z0-9_$]*)");

    /** A concurrent index build that failed leaves an invalid index of its name: dropped, so that the build can run again. */
    private void dropInvalidIndex(Connection c, MigrationFile m, String section, SqlStatement st) throws SQLException {
        java.util.regex.Matcher match = CONCURRENT_INDEX.matcher(st.sql());
        if (!match.find()) {
            return;
        }
        String name = io.migratewatch.schema.Identifiers.fromSql(match.group(1));
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid"
                + " JOIN pg_namespace n ON n.oid = x.relnamespace WHERE n.nspname = ? AND x.relname = ? AND NOT i.indisvalid")) {
            ps.setString(1, history.schema());
            ps.setString(2, name);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
            }
        }
        String drop = "DROP INDEX CONCURRENTLY IF EXISTS " + io.migratewatch.schema.Identifiers.quote(history.schema()) + "."
                + io.migratewatch.schema.Identifiers.quote(name);
        notices.accept(m.fileName() + ": dropping the invalid index \"" + name + "\" a failed build left, to build it again");
        StatementBatch.oneByOne(c, m, section, List.of(new SqlStatement(drop, st.line())));
    }

    /**
     * Applies the increment of a folded migration, which is already applied: the database receives
     * only the new statements, and the history row follows the rewritten file — or goes, when the
     * migration was folded away ({@code rewritten} null). With limits, like {@link #run}: a lock timeout is retried.
     *
     * @param statements the increment's SQL, one statement each
     * @param backup     the backup taken before it, or null
     */
    public void fold(Connection c, MigrationFile migration, List<String> statements, MigrationFile rewritten, String backup)
            throws SQLException {
        limited(c, () -> inLockedTransaction(c, () -> {
            StatementBatch.run(c, migration, "up", statements.stream().map(sql -> new SqlStatement(sql, 0)).toList());
            if (rewritten != null) {
                writeHistory(migration, history.updateSql(), () -> history.update(c, rewritten, backup));
            } else {
                writeHistory(migration, history.deleteSql(), () -> history.remove(c, migration.revision()));
            }
            return null;
        }));
    }

    private void requireLock() {
        if (lock == null) {
            throw new IllegalStateException("migrations are applied only under the migration lock");
        }
        lock.requireHeld();
    }

    /** One transaction, while the lock is held: committed when the work succeeds, rolled back whole when it fails. */
    private <T> T inLockedTransaction(Connection c, Transaction.Work<T> work) throws SQLException {
        requireLock();
        return Transaction.run(c, work);
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

}
