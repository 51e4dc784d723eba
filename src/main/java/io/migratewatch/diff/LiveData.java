package io.migratewatch.diff;

import java.sql.SQLException;

/**
 * Counts on the data a database holds now, as far as a change's {@link Change#loss} needs them.
 * The workflow answers from the live database; {@link #FILLED} answers "some" to everything, which
 * tells whether a change can lose data at all.
 */
public interface LiveData {

    LiveData FILLED = new LiveData() {
        @Override
        public long rows(String table) {
            return 1;
        }

        @Override
        public long values(String table, String column) {
            return 1;
        }

        @Override
        public long nulls(String table, String column) {
            return 1;
        }

        @Override
        public long sequencePosition(String sequence) {
            return 1;
        }
    };

    long rows(String table) throws SQLException;

    /** Rows whose column is not NULL. */
    long values(String table, String column) throws SQLException;

    /** Rows whose column is NULL. */
    default long nulls(String table, String column) throws SQLException {
        return rows(table) - values(table, column);
    }

    /** The last value a sequence handed out, or 0 when it never did. */
    long sequencePosition(String sequence) throws SQLException;
}
