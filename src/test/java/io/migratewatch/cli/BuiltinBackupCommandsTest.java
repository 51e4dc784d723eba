package io.migratewatch.cli;

import io.migratewatch.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.sql.Connection;
import java.sql.SQLException;

/** The backup commands with the built-in engine, on the test server (the embedded PostgreSQL 17 by default). */
class BuiltinBackupCommandsTest extends BackupCommandsContract {

    private static TestDatabase db;

    @BeforeAll
    static void database() {
        db = TestDatabase.create("backup_cli");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Override
    String databaseUrl() {
        return db.jdbcUrl() + "?user=" + db.url().user();
    }

    @Override
    Connection connect() throws SQLException {
        return db.connect();
    }

    @Override
    String engine() {
        return "builtin";
    }
}
