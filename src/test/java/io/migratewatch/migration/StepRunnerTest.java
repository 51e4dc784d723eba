package io.migratewatch.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migratewatch.support.TestDatabase;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migrations with steps outside the transaction, against a real PostgreSQL. */
class StepRunnerTest {

    private static TestDatabase db;

    @TempDir
    Path tmp;

    private final HistoryTable history = new HistoryTable("public", "migrate_watch_history");
    private final List<String> notices = new CopyOnWriteArrayList<>();
    private Connection lockConnection;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("steps");
    }

    @AfterAll
    static void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void emptySchema() throws SQLException {
        db.execute("DROP SCHEMA IF EXISTS public CASCADE", "CREATE SCHEMA public",
                "CREATE TABLE customer (id bigint PRIMARY KEY, email text)",
                "INSERT INTO customer SELECT g, 'user' || g || '@example.com' FROM generate_series(1, 1000) g");
        lockConnection = db.connect();
    }

    @AfterEach
    void close() throws SQLException {
        lockConnection.close();
    }

    private MigrationRunner runner() throws SQLException {
        AdvisoryLock.Held held = new AdvisoryLock("public", Duration.ofSeconds(10)).acquire(lockConnection);
        return new MigrationRunner(history, held).withLimits(new LockLimits(Duration.ofSeconds(5), Duration.ZERO, 0),
                "public", notices::add);
    }

    private MigrationFile file(String up, String down) {
        return new MigrationDirectory(tmp).write(new MigrationFile(null, "bbbb00000001", List.of(), "unique email",
                Instant.parse("2026-08-19T14:30:22Z"), "auto", up, down, 0, 0));
    }

    private static final String UP = """
            ALTER TABLE "customer" ADD COLUMN "note" text;

            -- +step no-transaction
            CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "uk_customer_email" ON "customer" ("email");

            -- +step transaction
            ALTER TABLE "customer" ADD CONSTRAINT "uk_customer_email" UNIQUE USING INDEX "uk_customer_email";
            """;

    private static final String DOWN = """
            ALTER TABLE "customer" DROP CONSTRAINT "uk_customer_email";
            ALTER TABLE "customer" DROP COLUMN "note";
            """;

    private static long validIndexes(String name) {
        return db.queryLong("SELECT count(*) FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid WHERE x.relname = '" + name
                + "' AND i.indisvalid");
    }

    @Test
    void aStepOutsideTheTransactionRunsTheConcurrentBuildAndTheHistoryIsRecordedWhenAllStepsAreDone() throws SQLException {
        MigrationFile m = file(UP, DOWN);
        try (Connection c = db.connect()) {
            runner().run(c, m, Direction.UP, "upgrade");
        }
        assertThat(validIndexes("uk_customer_email")).isEqualTo(1);
        assertThat(db.queryLong("SELECT count(*) FROM pg_constraint WHERE conname = 'uk_customer_email' AND contype = 'u'")).isEqualTo(1);
        assertThat(db.queryLong("SELECT count(*) FROM migrate_watch_history WHERE revision = 'bbbb00000001'")).isEqualTo(1);
        assertThat(db.queryLong("SELECT count(*) FROM migrate_watch_history_steps")).isZero();
        try (Connection c = db.connect()) {
            runner().run(c, m, Direction.DOWN, "downgrade");
        }
        assertThat(db.queryLong("SELECT count(*) FROM pg_class WHERE relname = 'uk_customer_email'")).isZero();
        assertThat(db.queryLong("SELECT count(*) FROM migrate_watch_history")).isZero();
    }

    @Test
    void aConcurrentBuildThatFailedHalfWayIsResumedTheInvalidIndexDroppedAndTheDoneStepsNotRunAgain() throws SQLException {
        db.execute("INSERT INTO customer VALUES (1001, 'user1@example.com')");
        MigrationFile m = file(UP, DOWN);
        try (Connection c = db.connect()) {
            MigrationRunner runner = runner();
            assertThatThrownBy(() -> runner.run(c, m, Direction.UP, "upgrade"))
                    .isInstanceOf(MigrationFailedException.class)
                    .hasMessageContaining("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS \"uk_customer_email\"")
                    .hasMessageContaining("could not create unique index")
                    .hasMessageContaining("This migration runs in 3 steps: step 1 is done and stays applied; step 2 failed (it runs"
                            + " outside a transaction). Running the command again goes on from step 2.")
                    .hasMessageNotContaining("the database is as it was before");
        }
        // the first step stayed applied, the failed build left an invalid index, and nothing is recorded as applied
        assertThat(db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_name = 'customer' AND column_name = 'note'"))
                .isEqualTo(1);
        assertThat(db.queryLong("SELECT count(*) FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid"
                + " WHERE x.relname = 'uk_customer_email' AND NOT i.indisvalid")).isEqualTo(1);
        assertThat(db.queryLong("SELECT count(*) FROM migrate_watch_history")).isZero();

        db.execute("DELETE FROM customer WHERE id = 1001");
        try (Connection c = db.connect()) {
            runner().run(c, m, Direction.UP, "upgrade");
        }
        assertThat(notices).containsExactly(
                "20260819_143022_bbbb00000001_unique_email.sql: 1 of 3 steps (up) were done by an earlier run; going on from step 2",
                "20260819_143022_bbbb00000001_unique_email.sql: dropping the invalid index \"uk_customer_email\" a failed build left,"
                        + " to build it again");
        assertThat(validIndexes("uk_customer_email")).isEqualTo(1);
        assertThat(db.queryLong("SELECT count(*) FROM migrate_watch_history WHERE revision = 'bbbb00000001'")).isEqualTo(1);
    }

    @Test
    void aFileWithoutMarkersIsOneTransactionAsBefore() throws SQLException {
        MigrationFile m = file("ALTER TABLE customer ADD COLUMN note text;\nALTER TABLE customer ADD COLUMN broken nosuchtype;",
                "ALTER TABLE customer DROP COLUMN note;");
        try (Connection c = db.connect()) {
            MigrationRunner runner = runner();
            assertThatThrownBy(() -> runner.run(c, m, Direction.UP, "upgrade")).isInstanceOf(MigrationFailedException.class);
        }
        assertThat(db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_name = 'customer' AND column_name = 'note'"))
                .isZero();
        assertThat(db.queryLong("SELECT count(*) FROM pg_tables WHERE tablename = 'migrate_watch_history_steps'")).isZero();
    }
}
