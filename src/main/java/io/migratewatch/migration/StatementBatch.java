package io.migratewatch.migration;

import io.migratewatch.db.ConnectionLoss;
import io.migratewatch.db.DatabaseErrors;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A section's statements run inside the caller's transaction, sent to the server together: one round
 * trip instead of one per statement, which on a migration of a thousand tables was a sixth of its time.
 * <p>
 * When one fails, the work since the batch began is undone to a savepoint and the statements run again
 * one at a time, so that the failure names its own statement and line, as it would have without the
 * batch. A lost connection, a lock timeout or a statement timeout is not run again (it would only wait
 * again): its failure names the statement the driver reported.
 */
final class StatementBatch {

    private static final String SAVEPOINT = "migrate_watch_batch";

    private StatementBatch() {
    }

    static void run(Connection c, MigrationFile m, String section, List<SqlStatement> statements) {
        if (statements.size() < 2) {
            oneByOne(c, m, section, statements);
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("SAVEPOINT " + SAVEPOINT);
            for (SqlStatement st : statements) {
                s.addBatch(st.sql());
            }
            s.executeBatch();
            s.execute("RELEASE SAVEPOINT " + SAVEPOINT);
        } catch (SQLException e) {
            SQLException cause = e.getNextException() != null ? e.getNextException() : e;
            if (ConnectionLoss.is(cause) || DatabaseErrors.hasSqlState(cause, "55P03") || DatabaseErrors.hasSqlState(cause, "57014")) {
                throw new MigrationFailedException(m, section, reported(e, statements), cause.getMessage(), cause);
            }
            try (Statement s = c.createStatement()) {
                s.execute("ROLLBACK TO SAVEPOINT " + SAVEPOINT);
                oneByOne(c, m, section, statements);
                s.execute("RELEASE SAVEPOINT " + SAVEPOINT);
            } catch (SQLException again) {
                throw new MigrationFailedException(m, section, reported(e, statements), cause.getMessage(), cause);
            }
        }
    }

    /** One statement after the other, each failure naming its statement; for statements that may not share a transaction. */
    static void oneByOne(Connection c, MigrationFile m, String section, List<SqlStatement> statements) {
        for (SqlStatement st : statements) {
            try (Statement s = c.createStatement()) {
                s.execute(st.sql());
            } catch (SQLException e) {
                throw new MigrationFailedException(m, section, st, e.getMessage(), e);
            }
        }
    }

    /** The statement whose text the driver's message quotes (the longest, when one contains another), else the first. */
    private static SqlStatement reported(SQLException e, List<SqlStatement> statements) {
        String message = String.valueOf(e.getMessage());
        SqlStatement found = statements.get(0);
        int length = -1;
        for (SqlStatement st : statements) {
            if (st.sql().length() > length && message.contains(st.sql())) {
                found = st;
                length = st.sql().length();
            }
        }
        return found;
    }
}
