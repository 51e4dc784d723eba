package io.migratewatch.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;
import io.migratewatch.config.Settings;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default, started the way a user gets it: a data folder of its own and a fixed port. The tests run
 * as root in CI, which plain initdb refuses; these prove the embedded path works there. A start that waits on a
 * port that never answers would hang, so each test fails after two minutes instead.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EmbeddedDatabaseTest {

    @TempDir
    Path tmp;

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String queryString(Database database, String sql) throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(Database database, String... statements) throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    @Test
    void startsPostgreSql17AndKeepsItsDataBetweenRuns() throws Exception {
        Path dataDir = tmp.resolve(".migrate-watch").resolve("postgres");
        int port = freePort();
        List<String> out = new ArrayList<>();

        try (Database first = EmbeddedDatabase.start(dataDir, port, out::add)) {
            assertThat(first).isInstanceOf(EmbeddedDatabase.class);
            assertThat(queryString(first, "SELECT version()")).startsWith("PostgreSQL 17");
            assertThat(first.url().jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:" + port + "/postgres");
            execute(first, "CREATE TABLE kept (id integer PRIMARY KEY, name text)", "INSERT INTO kept VALUES (1, 'still here')");
        }
        assertThat(out).singleElement().asString()
                .contains("Embedded PostgreSQL running at jdbc:postgresql://localhost:" + port + "/postgres")
                .contains(dataDir.toString());
        assertThat(dataDir.resolve("PG_VERSION")).content().startsWith("17");

        // stopped: nothing answers on the port any more
        assertThatThrownBy(() -> new Database(DatabaseUrl.parse("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", null))
                .connect()).isInstanceOf(DatabaseUnreachableException.class);

        try (Database second = EmbeddedDatabase.start(dataDir, port, out::add)) {
            assertThat(queryString(second, "SELECT name FROM kept WHERE id = 1")).isEqualTo("still here");
        }
        assertThat(out).hasSize(2);
    }

    @Test
    void aSecondStartOnTheSameDataUsesTheRunningServer() throws Exception {
        Path dataDir = tmp.resolve("pg");
        int port = freePort();
        List<String> firstOut = new ArrayList<>();
        List<String> secondOut = new ArrayList<>();

        try (Database first = EmbeddedDatabase.start(dataDir, port, firstOut::add)) {
            execute(first, "CREATE TABLE shared_one (id integer)");

            try (Database second = EmbeddedDatabase.start(dataDir, port, secondOut::add)) {
                assertThat(second).isNotInstanceOf(EmbeddedDatabase.class);
                assertThat(second.url().jdbcUrl()).isEqualTo(first.url().jdbcUrl());
                assertThat(queryString(second, "SELECT count(*) FROM shared_one")).isEqualTo("0");
            }
            assertThat(secondOut).singleElement().asString()
                    .contains("already running in another migrate-watch process")
                    .contains("jdbc:postgresql://localhost:" + port + "/postgres");

            // closing the second one leaves the first one's server running
            assertThat(queryString(first, "SELECT count(*) FROM shared_one")).isEqualTo("0");
        }
    }

    @Test
    void aLockedDataFolderWithNoServerIsAClearError() throws Exception {
        Path dataDir = tmp.resolve("pg");
        int port = freePort();
        Path lockFile = tmp.resolve("pg.lock");

        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            assertThatThrownBy(() -> EmbeddedDatabase.start(dataDir, port, line -> { }))
                    .isInstanceOf(MigrateWatchException.class)
                    .hasMessageContaining("locked by another migrate-watch process")
                    .hasMessageContaining("nothing answers on port " + port)
                    .satisfies(e -> assertThat(((MigrateWatchException) e).exitCode()).isEqualTo(ExitCode.DATABASE_UNREACHABLE));
        }
        assertThat(dataDir).doesNotExist();
    }

    @Test
    void aPortTakenByAnotherProgramIsAClearError() throws Exception {
        Path dataDir = tmp.resolve("pg");

        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> EmbeddedDatabase.start(dataDir, port, line -> { }).close())
                    .isInstanceOf(MigrateWatchException.class)
                    .hasMessageContaining("cannot start the embedded PostgreSQL in " + dataDir + " on port " + port)
                    .hasMessageContaining("database.embedded.port")
                    .satisfies(e -> assertThat(((MigrateWatchException) e).exitCode()).isEqualTo(ExitCode.DATABASE_UNREACHABLE));
        }

        // the lock is given back: once the port is free the same data folder starts
        int port = freePort();
        try (Database database = EmbeddedDatabase.start(dataDir, port, line -> { })) {
            assertThat(queryString(database, "SELECT 1")).isEqualTo("1");
        }
    }

    @Test
    void anotherPostgreSqlOnThePortIsNotMistakenForTheEmbeddedOne() throws Exception {
        // e.g. two projects whose watcher.conf both keep the default port: the second must not migrate the first's data
        int port = freePort();
        List<String> out = new ArrayList<>();

        try (Database first = EmbeddedDatabase.start(tmp.resolve("project-a"), port, out::add)) {
            execute(first, "CREATE TABLE project_a_only (id integer)");

            assertThatThrownBy(() -> EmbeddedDatabase.start(tmp.resolve("project-b"), port, out::add).close())
                    .isInstanceOf(MigrateWatchException.class)
                    .hasMessageContaining("cannot start the embedded PostgreSQL in " + tmp.resolve("project-b") + " on port " + port)
                    .hasMessageContaining("already listening")
                    .satisfies(e -> assertThat(((MigrateWatchException) e).exitCode()).isEqualTo(ExitCode.DATABASE_UNREACHABLE));

            assertThat(queryString(first, "SELECT count(*) FROM project_a_only")).isEqualTo("0");
        }
        assertThat(out).hasSize(1);
    }

    @Test
    void databasesStartsTheEmbeddedServerWhenNoUrlIsConfigured() throws Exception {
        int port = freePort();
        Settings.Database settings = new Settings.Database("", "postgres", "", "public", Duration.ofSeconds(5),
                tmp.resolve("data"), port);
        List<String> out = new ArrayList<>();

        try (Database database = Databases.open(settings, out::add)) {
            assertThat(database).isInstanceOf(EmbeddedDatabase.class);
            assertThat(queryString(database, "SELECT current_setting('port')")).isEqualTo(String.valueOf(port));
        }
        assertThat(out).singleElement().asString().contains("jdbc:postgresql://localhost:" + port + "/postgres");
        assertThat(Files.isDirectory(tmp.resolve("data"))).isTrue();
    }
}
