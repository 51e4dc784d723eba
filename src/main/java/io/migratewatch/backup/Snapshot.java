package io.migratewatch.backup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One consistent view of the database for a whole dump: a REPEATABLE READ, READ ONLY transaction
 * (what pg_dump uses), with an empty search_path so that PostgreSQL's deparsers qualify every name.
 * Closing it ends the transaction and gives the connection back as it was.
 */
final class Snapshot implements AutoCloseable {

    private final Connection connection;
    private final boolean autoCommit;

    private Snapshot(Connection connection, boolean autoCommit) {
        this.connection = connection;
        this.autoCommit = autoCommit;
    }

    static Snapshot begin(Connection c) throws SQLException {
        // a caller's open transaction is not ours to end: SET TRANSACTION then fails, and says why
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            s.execute("SELECT pg_catalog.set_config('search_path', '', true)");
        } catch (SQLException e) {
            c.rollback();
            c.setAutoCommit(autoCommit);
            throw e;
        }
        return new Snapshot(c, autoCommit);
    }

    /** Lets another session (pg_dump) see exactly this snapshot while it stays open. */
    String export() throws SQLException {
        return string("SELECT pg_catalog.pg_export_snapshot()");
    }

    String database() throws SQLException {
        return string("SELECT pg_catalog.current_database()");
    }

    String serverVersion() throws SQLException {
        return string("SHOW server_version");
    }

    int serverVersionNumber() throws SQLException {
        return Integer.parseInt(string("SHOW server_version_num"));
    }

    private String string(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.rollback(); // read only: nothing to keep
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
