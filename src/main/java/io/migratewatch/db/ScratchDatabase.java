package io.migratewatch.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A throw-away database created beside another on the same server (to replay migrations into), dropped on close.
 * Its name starts with {@code mw_scratch_}, so a leftover from a killed process is easy to recognise.
 */
public final class ScratchDatabase extends Database {

    private final Database server;

    private ScratchDatabase(Database server, DatabaseUrl url) {
        super(url);
        this.server = server;
    }

    /**
     * @throws SQLException when the server refuses (typically: the role may not create databases, SQLSTATE 42501)
     */
    public static ScratchDatabase beside(Database server) throws SQLException {
        String name = "mw_scratch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return new ScratchDatabase(server, server.url().withDatabase(name));
    }

    @Override
    public void close() {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + url().database());
        } catch (SQLException | RuntimeException e) {
            // nothing connects to it any more; a drop that fails leaves a recognisable mw_scratch_ database behind
        }
    }
}
