package io.migratewatch.support;

import io.migratewatch.db.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh, empty database for one test class, on a real PostgreSQL server: the one named by
 * {@code MIGRATE_WATCH_TEST_DATABASE_URL} when set, a Testcontainers one when
 * {@code MIGRATE_WATCH_TEST_CONTAINERS=true} and Docker is present, an embedded one otherwise.
 * The database is dropped on {@link #close()}.
 */
public final class TestDatabase implements AutoCloseable {

    private static DatabaseUrl server;
    private static String serverKind;

    private final DatabaseUrl url;
    /** Whether close() drops the database: false for one that another fixture made and drops. */
    private final boolean owned;

    private TestDatabase(DatabaseUrl url, boolean owned) {
        this.url = url;
        this.owned = owned;
    }

    /** The helpers of this class over a database another fixture made (and drops): close() leaves it. */
    public static TestDatabase existing(DatabaseUrl url) {
        return new TestDatabase(url, false);
    }

    public static TestDatabase create(String label) {
        DatabaseUrl admin = server();
        String name = ("mw_" + label + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database on " + admin.redacted() + ": " + e.getMessage(), e);
        }
        return new TestDatabase(admin.withDatabase(name), true);
    }

    /** Which kind of server the tests run against: external, testcontainers or embedded. */
    public static synchronized String serverKind() {
        server();
        return serverKind;
    }

    public DatabaseUrl url() {
        return url;
    }

    public String jdbcUrl() {
        return url.jdbcUrl();
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
    }

    /** Runs SQL statements (for test set-up). */
    public void execute(String... statements) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The first column of every row. */
    public java.util.List<String> queryStrings(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            java.util.List<String> values = new java.util.ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public long queryLong(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (!owned) {
            return;
        }
        DatabaseUrl admin = server();
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS \"" + url.database() + "\" WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + url.database() + ": " + e.getMessage(), e);
        }
    }

    private static synchronized DatabaseUrl server() {
        if (server != null) {
            return server;
        }
        String external = System.getenv("MIGRATE_WATCH_TEST_DATABASE_URL");
        if (external != null && !external.isBlank()) {
            server = DatabaseUrl.parse(external, "postgres", null);
            serverKind = "external";
        } else if ("true".equalsIgnoreCase(System.getenv("MIGRATE_WATCH_TEST_CONTAINERS")) && ContainerServer.dockerAvailable()) {
            server = ContainerServer.start();
            serverKind = "testcontainers";
        } else {
            server = startEmbedded();
            serverKind = "embedded";
        }
        return server;
    }

    private static DatabaseUrl startEmbedded() {
        try {
            Path dataDir = Files.createTempDirectory("mw-test-pg");
            EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(true).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the temporary data directory goes with the OS's tmp cleaning
                }
            }));
            return DatabaseUrl.parse("jdbc:postgresql://localhost:" + pg.getPort() + "/postgres", "postgres", null);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start embedded PostgreSQL for tests: " + e.getMessage(), e);
        }
    }
}
