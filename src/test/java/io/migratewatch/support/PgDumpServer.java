package io.migratewatch.support;

import io.migratewatch.backup.PgDump;
import io.migratewatch.db.DatabaseUrl;
import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * A database for the pg_dump engine's tests. pg_dump refuses servers newer than itself, so it needs a
 * server whose major version is at most the local pg_dump's: the one in MIGRATE_WATCH_TEST_DATABASE_URL
 * when that is set, else a PostgreSQL answering at 127.0.0.1:5432 as user postgres (the test creates
 * and drops its own database there). Without either, each test is skipped with an assumption whose
 * message says that the pg_dump engine test did not run, and why.
 */
public final class PgDumpServer implements AutoCloseable {

    private static final String LOCAL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    private final DatabaseUrl admin;
    private final DatabaseUrl url;
    private final PgDump pgDump;

    private PgDumpServer(DatabaseUrl admin, DatabaseUrl url, PgDump pgDump) {
        this.admin = admin;
        this.url = url;
        this.pgDump = pgDump;
    }

    /** A server, or why there is none. */
    public record Availability(PgDumpServer server, String reason) {

        /** Skips the calling test, saying why, when there is no server. */
        public PgDumpServer require() {
            Assumptions.assumeTrue(server != null, reason);
            return server;
        }

        public void close() {
            if (server != null) {
                server.close();
            }
        }
    }

    /**
     * Finds the server and creates the database. Without one, says why on standard error (surefire
     * does not show why a whole class was skipped) and leaves it to {@link Availability#require} to
     * skip each test with the same reason.
     */
    public static Availability find(String label) {
        String reason = unavailable();
        if (reason != null) {
            System.err.println("⚠ " + reason);
            return new Availability(null, reason);
        }
        PgDump pgDump = PgDump.find("", System.getenv("PATH")).orElseThrow();
        DatabaseUrl admin = admin();
        String name = ("mw_" + label + "_" + UUID.randomUUID().toString().substring(0, 8)).replaceAll("[^a-z0-9_]", "_");
        try (Connection c = connect(admin); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database on " + admin.redacted() + ": " + e.getMessage(), e);
        }
        return new Availability(new PgDumpServer(admin, admin.withDatabase(name), pgDump), null);
    }

    private static DatabaseUrl admin() {
        String external = System.getenv("MIGRATE_WATCH_TEST_DATABASE_URL");
        return DatabaseUrl.parse(external != null && !external.isBlank() ? external : LOCAL, "postgres", null);
    }

    /** Why the pg_dump engine cannot be tested here, or null when it can. */
    private static String unavailable() {
        PgDump pgDump = PgDump.find("", System.getenv("PATH")).orElse(null);
        if (pgDump == null) {
            return "the pg_dump engine test did not run: there is no pg_dump on the PATH";
        }
        String external = System.getenv("MIGRATE_WATCH_TEST_DATABASE_URL");
        String source = external != null && !external.isBlank() ? "MIGRATE_WATCH_TEST_DATABASE_URL" : "127.0.0.1:5432";
        int major = serverMajor(admin());
        if (major == 0) {
            return "the pg_dump engine test did not run: no PostgreSQL answers at " + source
                    + " (set MIGRATE_WATCH_TEST_DATABASE_URL to a server of version " + pgDump.major() + " or older)";
        }
        if (major > pgDump.major()) {
            return "the pg_dump engine test did not run: the server at " + source + " is PostgreSQL " + major
                    + ", newer than the local " + pgDump.version() + " (set MIGRATE_WATCH_TEST_DATABASE_URL to a server of version "
                    + pgDump.major() + " or older)";
        }
        return null;
    }

    public DatabaseUrl url() {
        return url;
    }

    public PgDump pgDump() {
        return pgDump;
    }

    /** The URL for --database-url, user included. */
    public String cliUrl() {
        return url.jdbcUrl() + (url.jdbcUrl().contains("?") ? "&" : "?") + "user=" + url.user();
    }

    public Connection connect() throws SQLException {
        return connect(url);
    }

    @Override
    public void close() {
        try (Connection c = connect(admin); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS \"" + url.database() + "\" WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + url.database() + ": " + e.getMessage(), e);
        }
    }

    /** The server's major version, or 0 when none answers. */
    private static int serverMajor(DatabaseUrl url) {
        try (Connection c = connect(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW server_version_num")) {
            rs.next();
            return rs.getInt(1) / 10000;
        } catch (SQLException e) {
            return 0;
        }
    }

    private static Connection connect(DatabaseUrl url) throws SQLException {
        Properties p = new Properties();
        if (url.user() != null) {
            p.setProperty("user", url.user());
        }
        if (url.password() != null) {
            p.setProperty("password", url.password());
        }
        p.setProperty("connectTimeout", "3");
        return DriverManager.getConnection(url.jdbcUrl(), p);
    }
}
