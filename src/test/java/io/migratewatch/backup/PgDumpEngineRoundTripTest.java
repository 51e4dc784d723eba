package io.migratewatch.backup;

import io.migratewatch.config.Settings;
import io.migratewatch.db.DatabaseUrl;
import io.migratewatch.support.PgDumpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pg_dump engine's round trip, on a server pg_dump can dump ({@link PgDumpServer}); without one
 * the tests are skipped and say why. The embedded PostgreSQL 17 ships no pg_dump at all.
 */
class PgDumpEngineRoundTripTest extends EngineRoundTripContract {

    private static PgDumpServer.Availability server;

    @BeforeAll
    static void server() {
        server = PgDumpServer.find("pgdump");
    }

    @AfterAll
    static void drop() {
        server.close();
    }

    @Override
    Connection connect() throws SQLException {
        return server.require().connect();
    }

    @Override
    DatabaseUrl url() {
        return server.require().url();
    }

    @Override
    Settings.BackupEngineChoice engine() {
        return Settings.BackupEngineChoice.PG_DUMP;
    }

    @Override
    String engineName() {
        return "pg-dump";
    }

    @Test
    void autoChoosesPgDumpForThisServer() throws SQLException {
        Backups auto = new Backups(new Settings.Backup(true, dir, 20, Settings.BackupEngineChoice.AUTO, "", List.of()), "public", url());
        try (Connection c = connect()) {
            assertThat(auto.engineFor(c).engine()).isInstanceOf(PgDumpEngine.class);
        }
    }

    @Test
    void theBuiltinEnginesFileRestoresWithPsqlToo() throws Exception {
        Optional<Path> psql = java.util.Arrays.stream(System.getenv("PATH").split(java.io.File.pathSeparator))
                .map(d -> Path.of(d, "psql")).filter(java.nio.file.Files::isExecutable).findFirst();
        Assumptions.assumeTrue(psql.isPresent(), "psql is not on the PATH");
        Map<String, String> before;
        try (Connection c = connect()) {
            before = Fixture.fingerprint(c, "public");
        }
        Backups builtin = new Backups(new Settings.Backup(true, dir, 20, Settings.BackupEngineChoice.BUILTIN, "", List.of()), "public", url());
        BackupFile file;
        try (Connection c = connect(); Statement s = c.createStatement()) {
            file = builtin.take(c, null, "psql test", Progress.NONE);
            s.execute("DROP SCHEMA public CASCADE");
        }
        Process p = new ProcessBuilder(psql.get().toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction",
                "-f", file.path().toString(), "--dbname=" + new PgDumpEngine(server.require().pgDump(), url(), List.of()).conninfo())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();
        try (Connection c = connect()) {
            assertThat(Fixture.fingerprint(c, "public")).isEqualTo(before);
        }
    }
}
