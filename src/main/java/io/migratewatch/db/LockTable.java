package io.migratewatch.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The size of a server's shared lock table, which every transaction's locks come out of:
 * {@code max_locks_per_transaction × (max_connections + max_prepared_transactions)} entries
 * (6,400 on a stock server).
 *
 * @param maxLocksPerTransaction  the server's {@code max_locks_per_transaction}
 * @param maxConnections          its {@code max_connections}
 * @param maxPreparedTransactions its {@code max_prepared_transactions}
 */
public record LockTable(int maxLocksPerTransaction, int maxConnections, int maxPreparedTransactions) {

    public static LockTable read(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('max_locks_per_transaction')::int, "
                     + "current_setting('max_connections')::int, current_setting('max_prepared_transactions')::int")) {
            rs.next();
            return new LockTable(rs.getInt(1), rs.getInt(2), rs.getInt(3));
        }
    }

    public int capacity() {
        return maxLocksPerTransaction * (maxConnections + maxPreparedTransactions);
    }

    /**
     * The entries one migration's transaction may take, as {@code LockFootprint} estimates them: three
     * quarters of the table. The estimate is about 1.2× what a proof really holds and 2× what applying
     * holds, so a migration at the budget really takes 40–60% of the table, and the application's own
     * sessions still find room while it runs.
     */
    public int migrationBudget() {
        return capacity() * 3 / 4;
    }

    /** {@code max_locks_per_transaction 64 × (max_connections 100 + max_prepared_transactions 0)} */
    public String describe() {
        return "max_locks_per_transaction " + maxLocksPerTransaction + " × (max_connections " + maxConnections
                + " + max_prepared_transactions " + maxPreparedTransactions + ")";
    }

    /** Whether this failure is PostgreSQL's "out of shared memory" (SQLSTATE 53200): the lock table was full. */
    public static boolean isFull(Throwable failure) {
        return DatabaseErrors.hasSqlState(failure, "53200");
    }
}
