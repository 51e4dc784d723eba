package io.migratewatch.cli;

import io.migratewatch.support.PgDumpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The backup commands with the pg_dump engine, on a server the local pg_dump can dump
 * ({@link PgDumpServer}); skipped, saying why, where there is none.
 */
class PgDumpBackupCommandsTest extends BackupCommandsContract {

    private static PgDumpServer.Availability server;

    @BeforeAll
    static void database() {
        server = PgDumpServer.find("backup_cli_pgdump");
    }

    @AfterAll
    static void drop() {
        server.close();
    }

    @Override
    String databaseUrl() {
        return server.require().cliUrl();
    }

    @Override
    Connection connect() throws SQLException {
        return server.require().connect();
    }

    @Override
    String engine() {
        return "pg-dump";
    }
}
