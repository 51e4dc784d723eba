package io.migratewatch.db;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;

import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throw-away database on the same server, for proving a migration too large for one rolled-back
 * transaction: its steps can commit there without touching the real database. Dropped on close.
 */
public final class ScratchDatabase implements AutoCloseable {

    private final Database server;
    private final Database scratch;
    private final String name;

    private ScratchDatabase(Database server, String name) {
        this.server = server;
        this.name = name;
        this.scratch = new Database(server.url().withDatabase(name));
    }

    /**
     * Creates an empty database next to {@code server}'s.
     *
     * @param why what the scratch database is for, said when the role may not create one
     */
    public static ScratchDatabase create(Database server, String why) {
        String name = "migrate_watch_scratch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " TEMPLATE template0");
        } catch (SQLException e) {
            if ("42501".equals(e.getSQLState())) {
                throw new MigrateWatchException(ExitCode.MIGRATION_FAILED, why + " needs a scratch database, and user "
                        + server.url().user() + " may not create databases (" + e.getMessage() + "). Nothing was applied.\n"
                        + "  Grant it: ALTER ROLE " + server.url().user() + " CREATEDB; or raise the server's max_locks_per_transaction", e);
            }
            throw DatabaseErrors.whileChanging("creating a scratch database", e);
        }
        return new ScratchDatabase(server, name);
    }

    public Connection connect() {
        return scratch.connect();
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + (c.getMetaData().getDatabaseMajorVersion() >= 13 ? " WITH (FORCE)" : ""));
        } catch (SQLException | RuntimeException e) {
            // the proof's outcome stands; a scratch database left behind is named so it can be found and dropped
            LoggerFactory.getLogger(ScratchDatabase.class).warn("could not drop the scratch database {}: {}", name, e.getMessage());
        }
    }
}
