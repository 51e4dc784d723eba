package io.migratewatch.introspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migratewatch.support.TestDatabase;

import java.sql.Connection;
import java.sql.SQLException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DataProbeTest {

    private static TestDatabase db;

    @BeforeAll
    static void createData() {
        db = TestDatabase.create("introspect");
        db.execute(
                "CREATE TABLE people (id integer PRIMARY KEY, nickname text, email text)",
                "INSERT INTO people VALUES (1, 'a', 'a@x'), (2, NULL, 'b@x'), (3, 'c', NULL), (4, NULL, NULL)",
                "CREATE TABLE \"Odd \"\"Table\"\"\" (\"select\" integer, \"Mixed\"\"Col\" text)",
                "INSERT INTO \"Odd \"\"Table\"\"\" VALUES (1, 'x'), (2, NULL)",
                "CREATE TABLE empty_one (id integer)",
                "CREATE SCHEMA quiet",
                "CREATE TABLE quiet.nothing_here (id integer)",
                "CREATE TABLE quiet.migrate_watch_history (revision text)",
                "INSERT INTO quiet.migrate_watch_history VALUES ('abc')",
                "CREATE SCHEMA \"Part\"\"s\"",
                "CREATE TABLE \"Part\"\"s\".m (taken date NOT NULL) PARTITION BY RANGE (taken)",
                "CREATE TABLE \"Part\"\"s\".m_2024 PARTITION OF \"Part\"\"s\".m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
                "CREATE SCHEMA nothing_at_all");
    }

    @AfterAll
    static void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void countsRowsAndNonNullValues() throws SQLException {
        try (Connection c = db.connect()) {
            assertThat(DataProbe.rowCount(c, "public", "people")).isEqualTo(4);
            assertThat(DataProbe.nonNullCount(c, "public", "people", "nickname")).isEqualTo(2);
            assertThat(DataProbe.nonNullCount(c, "public", "people", "email")).isEqualTo(2);
            assertThat(DataProbe.nonNullCount(c, "public", "people", "id")).isEqualTo(4);
            assertThat(DataProbe.rowCount(c, "public", "empty_one")).isZero();
            assertThat(DataProbe.nonNullCount(c, "public", "empty_one", "id")).isZero();
        }
    }

    @Test
    void quotesEveryName() throws SQLException {
        try (Connection c = db.connect()) {
            assertThat(DataProbe.rowCount(c, "public", "Odd \"Table\"")).isEqualTo(2);
            assertThat(DataProbe.nonNullCount(c, "public", "Odd \"Table\"", "select")).isEqualTo(2);
            assertThat(DataProbe.nonNullCount(c, "public", "Odd \"Table\"", "Mixed\"Col")).isEqualTo(1);
            // a name is a name, never SQL: this is looked up as a table called exactly that
            assertThatThrownBy(() -> DataProbe.rowCount(c, "public", "people\"; DROP TABLE people; --"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("does not exist");
            assertThatThrownBy(() -> DataProbe.nonNullCount(c, "public", "people", "id) FROM people; --"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("does not exist");
            assertThatThrownBy(() -> DataProbe.rowCount(c, "public", "PEOPLE")).isInstanceOf(SQLException.class);
            assertThat(DataProbe.rowCount(c, "public", "people")).isEqualTo(4);
        }
    }

    @Test
    void findsWhetherASchemaHoldsAnyRow() throws SQLException {
        try (Connection c = db.connect()) {
            assertThat(DataProbe.hasAnyRows(c, "public")).isTrue();
            assertThat(DataProbe.hasAnyRows(c, "nothing_at_all")).isFalse();
            assertThat(DataProbe.hasAnyRows(c, "no_such_schema")).isFalse();
            // the history table's rows are not data
            assertThat(DataProbe.hasAnyRows(c, "quiet", "migrate_watch_history")).isFalse();
            assertThat(DataProbe.hasAnyRows(c, "quiet")).isTrue();
            assertThat(DataProbe.hasAnyRows(c, "Part\"s")).isFalse();
        }
        db.execute("INSERT INTO \"Part\"\"s\".m VALUES ('2024-05-01')");
        try (Connection c = db.connect()) {
            assertThat(DataProbe.hasAnyRows(c, "Part\"s")).isTrue();
        }
    }

    @Test
    void findsARowInAnyOfManyTables() throws SQLException {
        db.execute("CREATE SCHEMA many",
                "DO $$ BEGIN FOR i IN 1..450 LOOP EXECUTE format('CREATE TABLE many.%I (id integer)', 't' || i); END LOOP; END $$");
        try (Connection c = db.connect()) {
            assertThat(DataProbe.hasAnyRows(c, "many")).isFalse();
        }
        db.execute("INSERT INTO many.t99 VALUES (1)");
        try (Connection c = db.connect()) {
            assertThat(DataProbe.hasAnyRows(c, "many")).isTrue();
        }
        db.execute("DELETE FROM many.t99", "INSERT INTO many.t450 VALUES (1)");
        try (Connection c = db.connect()) {
            assertThat(DataProbe.hasAnyRows(c, "many")).isTrue();
        }
    }

    @Test
    void anEmptyTableThatAnotherSessionHoldsLockedCountsAsLiveAfterTheWait() throws SQLException {
        db.execute("CREATE SCHEMA held", "CREATE TABLE held.empty_but_busy (id integer)");
        try (Connection c = db.connect(); Connection holder = db.connect(); java.sql.Statement s = holder.createStatement()) {
            assertThat(DataProbe.hasAnyRowsOrBusy(c, "held", null, java.time.Duration.ofMillis(200))).isFalse();
            holder.setAutoCommit(false);
            s.execute("LOCK TABLE held.empty_but_busy IN ACCESS EXCLUSIVE MODE");

            assertThat(DataProbe.hasAnyRowsOrBusy(c, "held", null, java.time.Duration.ofMillis(200))).isTrue();
            holder.rollback();
            try (java.sql.Statement q = c.createStatement(); java.sql.ResultSet rs = q.executeQuery("SHOW lock_timeout")) {
                rs.next();
                assertThat(rs.getString(1)).as("the session's own lock_timeout is put back").isEqualTo("0");
            }
        }
    }
}
