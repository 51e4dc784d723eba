package io.migratewatch.db;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done in one transaction: committed when it returns, rolled back whole when it throws. */
public final class Transaction {

    /** What runs inside the transaction. */
    public interface Work<T> {
        T run() throws SQLException;
    }

    private Transaction() {
    }

    /** Runs {@code work} in one transaction on {@code c}, and gives the connection its auto-commit setting back. */
    public static <T> T run(Connection c, Work<T> work) throws SQLException {
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
}
