package io.migratewatch.db;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
        String name = PREFIX + Instant.now().getEpochSecond() + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            dropLeftovers(c);
            s.execute("CREATE DATABASE " + name + " TEMPLATE template0");
        }
        return new ScratchDatabase(server, name);
    }

    private static final String PREFIX = "migrate_watch_scratch_";

    /** Older than any proof or replay takes: a scratch database this old was left by a process that was killed. */
    private static final Duration LEFT_OVER = Duration.ofHours(1);

    /**
     * Drops the scratch databases that killed processes left behind: those created over an hour ago (the time is
     * in the name) that nobody is connected to. One that cannot be dropped now is tried again next time.
     */
    private static void dropLeftovers(Connection c) {
        long before = Instant.now().minus(LEFT_OVER).getEpochSecond();
        List<String> stale = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT d.datname FROM pg_database d WHERE d.datname LIKE 'migrate\\_watch\\_scratch\\_%'"
                     + " AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)")) {
            while (rs.next()) {
                String name = rs.getString(1);
                String[] parts = name.substring(PREFIX.length()).split("_");
                if (parts.length == 2 && parts[0].matches("\\d{1,12}") && Long.parseLong(parts[0]) < before) {
                    stale.add(name);
                }
            }
            for (String name : stale) {
                s.execute("DROP DATABASE IF EXISTS " + name);
            }
        } catch (SQLException e) {
            LoggerFactory.getLogger(ScratchDatabase.class).debug("left-over scratch databases stay for now: {}", e.getMessage());
        }
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
