package io.migratewatch.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.migratewatch.support.TestDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

/** The daemon retries on a lost connection but reports a bad statement: real errors from a real server tell them apart. */
class ConnectionLossTest {

    @Test
    void aRefusedConnectionIsALoss() {
        Throwable refused = catchThrowable(() -> new Database(DatabaseUrl.parse("jdbc:postgresql://127.0.0.1:1/x", "postgres", null)).connect());

        assertThat(ConnectionLoss.is(refused)).isTrue();
        assertThat(ConnectionLoss.is(new IllegalStateException("wrapped", refused))).isTrue();
    }

    @Test
    void aBadStatementIsNoLossButATerminatedSessionIs() throws Exception {
        try (TestDatabase db = TestDatabase.create("loss"); Connection c = db.connect(); Connection admin = db.connect()) {
            Throwable syntax = catchThrowable(() -> {
                try (Statement s = c.createStatement()) {
                    s.execute("SELEC 1");
                }
            });
            Throwable missing = catchThrowable(() -> {
                try (Statement s = c.createStatement()) {
                    s.execute("SELECT * FROM no_such_table");
                }
            });
            assertThat(syntax).isInstanceOf(SQLException.class);
            assertThat(ConnectionLoss.is(syntax)).isFalse();
            assertThat(ConnectionLoss.is(missing)).isFalse();

            int pid;
            try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                pid = rs.getInt(1);
            }
            try (Statement s = admin.createStatement()) {
                s.execute("SELECT pg_terminate_backend(" + pid + ")");
            }
            Throwable terminated = catchThrowable(() -> {
                try (Statement s = c.createStatement()) {
                    s.execute("SELECT 1");
                }
            });
            assertThat(terminated).isInstanceOf(SQLException.class);
            assertThat(ConnectionLoss.is(terminated)).as(String.valueOf(terminated)).isTrue();
        }
    }
}
