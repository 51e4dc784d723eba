package io.migratewatch.backup;

import io.migratewatch.config.Settings;
import io.migratewatch.db.DatabaseUrl;
import io.migratewatch.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.sql.Connection;
import java.sql.SQLException;

/** The built-in engine's round trip, on the test server (the embedded PostgreSQL 17 by default). */
class BuiltinEngineRoundTripTest extends EngineRoundTripContract {

    private static TestDatabase db;

    @BeforeAll
    static void database() {
        db = TestDatabase.create("backup_builtin");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Override
    Connection connect() throws SQLException {
        return db.connect();
    }

    @Override
    DatabaseUrl url() {
        return db.url();
    }

    @Override
    Settings.BackupEngineChoice engine() {
        return Settings.BackupEngineChoice.BUILTIN;
    }

    @Override
    String engineName() {
        return "builtin";
    }
}
