package io.migratewatch.db;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throw-away database created beside another on the same server, dropped on close: migrations can
 * commit there (to replay them, or to prove a migration too large for one rolled-back transaction)
 * without touching the real database. Its name starts with {@code migrate_watch_scratch_}, so a
 * leftover from a killed process is easy to recognise.
 */
public final class ScratchDatabase implements AutoCloseable {

    private final Database server;
    private final Database scratch;

    private ScratchDatabase(Database server, String name) {
        this.server = server;
        this.scratch = new Database(server.url().withDatabase(name));
    }

    /**
     * @throws SQLException when the server refuses (typically: the role may not create databases, SQLSTATE 42501)
     */
    public static ScratchDatabase beside(Database server) throws SQLException {
        String name = "migrate_watch_scratch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " TEMPLATE template0");
        }
        return new ScratchDatabase(server, name);
    }

    /**
     * Like {@link #beside}, for a step that cannot do without it.
     *
     * @param why what the scratch database is for, said when the role may not create one
     */
    public static ScratchDatabase create(Database server, String why) {
        try {
            return beside(server);
        } catch (SQLException e) {
            if ("42501".equals(e.getSQLState())) {
                throw new MigrateWatchException(ExitCode.MIGRATION_FAILED, why + " needs a scratch database, and user "
                        + server.url().user() + " may not create databases (" + e.getMessage() + "). Nothing was applied.\n"
                        + "  Grant it: ALTER ROLE " + server.url().user() + " CREATEDB; or raise the server's max_locks_per_transaction", e);
            }
            throw DatabaseErrors.whileChanging("creating a scratch database", e);
        }
    }

    public Connection connect() {
        return scratch.connect();
    }

    public String name() {
        return scratch.url().database();
    }

    @Override
    public void close() {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name() + (c.getMetaData().getDatabaseMajorVersion() >= 13 ? " WITH (FORCE)" : ""));
        } catch (SQLException | RuntimeException e) {
            // the work's outcome stands; a scratch database left behind is named so it can be found and dropped
            LoggerFactory.getLogger(ScratchDatabase.class).warn("could not drop the scratch database {}: {}", name(), e.getMessage());
        }
    }
}
