package io.migratewatch.migration;

import static io.migratewatch.migration.Migrations.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;
import io.migratewatch.support.TestDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner and the history table, against a real PostgreSQL, with the migration lock held as a use case holds it. */
class MigrationRunnerTest {

    private static TestDatabase db;

    @TempDir
    Path tmp;

    private final HistoryTable history = new HistoryTable("public", "migrate_watch_history");

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("runner");
    }

    @AfterAll
    static void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    /** The connection holding the migration lock, as a use case does for the whole run. */
    private Connection lockConnection;

    @BeforeEach
    void emptySchemaAndTheLock() throws SQLException {
        db.execute("DROP SCHEMA IF EXISTS public CASCADE", "CREATE SCHEMA public");
        lockConnection = db.connect();
    }

    @AfterEach
    void releaseTheLock() throws SQLException {
        lockConnection.close();
    }

    private AdvisoryLock.Held lock(String schema) throws SQLException {
        return new AdvisoryLock(schema, Duration.ofSeconds(10)).acquire(lockConnection);
    }

    private MigrationRunner runner() throws SQLException {
        return new MigrationRunner(history, lock("public"));
    }

    /** Writes the migration as a real file, so that its path and section lines are those of a file on disk. */
    private MigrationFile file(String revision, List<String> parents, String description, String up, String down) {
        return new MigrationDirectory(tmp).write(new MigrationFile(null, revision, parents, description,
                Instant.parse("2026-08-19T14:30:22Z"), "auto", up, down, 0, 0));
    }

    private static boolean tableExists(String name) {
        return db.queryLong("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = '" + name + "'") == 1;
    }

    private static int lineInFile(MigrationFile m, String startOfLine) throws Exception {
        List<String> lines = Files.readAllLines(m.path());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(startOfLine)) {
                return i + 1;
            }
        }
        throw new AssertionError(startOfLine + " is not in " + m.path());
    }

    private static long backendPid(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void upAppliesTheSqlAndRecordsAHistoryRow() throws Exception {
        MigrationFile m = file("3f4a5b6c7d8e", List.of(rev('a'), rev('b')), "add users",
                "CREATE TABLE \"users\" (\"id\" bigint PRIMARY KEY);\nINSERT INTO \"users\" VALUES (1);",
                "DROP TABLE \"users\";");
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        long ms;
        List<AppliedMigration> applied;
        try (Connection c = db.connect()) {
            ms = runner().run(c, m, Direction.UP, "upgrade");
            applied = history.applied(c);
        }

        Instant after = Instant.now();
        assertThat(tableExists("users")).isTrue();
        assertThat(db.queryLong("SELECT count(*) FROM users")).isEqualTo(1);
        assertThat(applied).hasSize(1);
        AppliedMigration row = applied.get(0);
        assertThat(row.revision()).isEqualTo("3f4a5b6c7d8e");
        assertThat(row.parents()).containsExactly(rev('a'), rev('b'));
        assertThat(row.description()).isEqualTo("add users");
        assertThat(row.checksum()).isEqualTo(m.checksum());
        assertThat(row.how()).isEqualTo("upgrade");
        assertThat(row.appliedBy()).startsWith(System.getProperty("user.name") + "@").hasSizeGreaterThan(System.getProperty("user.name").length() + 1);
        assertThat(row.appliedAt()).isBetween(before, after);
        assertThat(row.durationMs()).isEqualTo(ms).isNotNegative();
    }

    @Test
    void aFirstMigrationHasNoParentsInItsRow() throws Exception {
        MigrationFile m = file(rev('a'), List.of(), "first", "CREATE TABLE \"a\" (\"id\" integer);", "DROP TABLE \"a\";");

        try (Connection c = db.connect()) {
            runner().run(c, m, Direction.UP, "stamp");
            assertThat(history.applied(c)).singleElement().satisfies(row -> {
                assertThat(row.parents()).isEmpty();
                assertThat(row.how()).isEqualTo("stamp");
            });
        }
    }

    @Test
    void downRevertsTheSqlAndRemovesTheRow() throws Exception {
        MigrationFile a = file(rev('a'), List.of(), "a", "CREATE TABLE \"a\" (\"id\" integer);", "DROP TABLE \"a\";");
        MigrationFile b = file(rev('b'), List.of(rev('a')), "b", "CREATE TABLE \"b\" (\"id\" integer);", "DROP TABLE \"b\";");

        try (Connection c = db.connect()) {
            runner().run(c, a, Direction.UP, "upgrade");
            runner().run(c, b, Direction.UP, "upgrade");
            runner().run(c, b, Direction.DOWN, "downgrade");

            assertThat(history.applied(c)).extracting(AppliedMigration::revision).containsExactly(rev('a'));
        }
        assertThat(tableExists("a")).isTrue();
        assertThat(tableExists("b")).isFalse();
    }

    @Test
    void historyListsRevisionsInTheOrderTheyWereApplied() throws Exception {
        // revisions sort the other way round from the order they are applied in
        MigrationFile first = file(rev('f'), List.of(), "first", "SELECT 1;", "SELECT 1;");
        MigrationFile second = file(rev('b'), List.of(rev('f')), "second", "SELECT 2;", "SELECT 2;");
        MigrationFile third = file(rev('a'), List.of(rev('b')), "third", "SELECT 3;", "SELECT 3;");

        try (Connection c = db.connect()) {
            for (MigrationFile m : List.of(first, second, third)) {
                runner().run(c, m, Direction.UP, "upgrade");
            }
            List<AppliedMigration> applied = history.applied(c);

            assertThat(applied).extracting(AppliedMigration::revision).containsExactly(rev('f'), rev('b'), rev('a'));
            assertThat(MigrationState.of(RevisionGraph.of(List.of(first, second, third)), applied).current()).isEqualTo(rev('a'));
        }
    }

    @Test
    void sqlWithDollarQuotedFunctionBodiesRunsAsWritten() throws Exception {
        String up = """
                CREATE TABLE "notes" ("id" integer, "body" text, "touched" boolean DEFAULT false);
                CREATE FUNCTION touch() RETURNS trigger AS $$
                BEGIN
                  NEW.touched := true;
                  RETURN NEW;
                END;
                $$ LANGUAGE plpgsql;
                CREATE TRIGGER "notes_touch" BEFORE INSERT ON "notes" FOR EACH ROW EXECUTE FUNCTION touch();
                -- a comment; with a semicolon
                INSERT INTO "notes" ("id", "body") VALUES (1, 'a; b');
                /* nested /* comment; */ still; */
                INSERT INTO "notes" ("id", "body") VALUES (2, E'it\\'s; escaped');
                CREATE FUNCTION two() RETURNS integer AS $fn2$ SELECT 2; $fn2$ LANGUAGE sql;
                INSERT INTO "notes" ("id", "body") VALUES (two() + 1, 'x');""";
        MigrationFile m = file(rev('a'), List.of(), "notes", up, "DROP TABLE \"notes\";\nDROP FUNCTION touch();\nDROP FUNCTION two();");

        try (Connection c = db.connect()) {
            runner().run(c, m, Direction.UP, "upgrade");
        }

        assertThat(db.queryLong("SELECT count(*) FROM notes WHERE touched AND body = 'a; b'")).isEqualTo(1);
        assertThat(db.queryLong("SELECT count(*) FROM notes WHERE id = 2 AND body = 'it''s; escaped'")).isEqualTo(1);
        assertThat(db.queryLong("SELECT count(*) FROM notes WHERE id = 3")).isEqualTo(1);
    }

    @Test
    void aFailingStatementRollsTheWholeMigrationBackAndNamesFileAndLine() throws Exception {
        MigrationFile earlier = file(rev('a'), List.of(), "earlier", "CREATE TABLE \"kept\" (\"id\" integer);", "DROP TABLE \"kept\";");
        MigrationFile m = file(rev('b'), List.of(rev('a')), "broken",
                "CREATE TABLE \"first_one\" (\"id\" integer);\n\nINSERT INTO \"missing_table\" VALUES (1);",
                "DROP TABLE \"first_one\";");
        int failingLine = lineInFile(m, "INSERT INTO \"missing_table\"");

        try (Connection c = db.connect()) {
            runner().run(c, earlier, Direction.UP, "upgrade");

            assertThatThrownBy(() -> runner().run(c, m, Direction.UP, "upgrade"))
                    .isInstanceOf(MigrationFailedException.class)
                    .hasMessageContaining(m.fileName())
                    .hasMessageContaining("failed at line " + failingLine + " (up)")
                    .hasMessageContaining("INSERT INTO \"missing_table\" VALUES (1)")
                    .hasMessageContaining("\"missing_table\" does not exist")
                    .hasMessageContaining("rolled back")
                    .satisfies(e -> {
                        MigrationFailedException failure = (MigrationFailedException) e;
                        assertThat(failure.exitCode()).isEqualTo(ExitCode.MIGRATION_FAILED);
                        assertThat(failure.statement().line()).isEqualTo(failingLine);
                        assertThat(failure.migration()).isEqualTo(m);
                    });

            // the connection is left as it was found, and usable
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(history.applied(c)).extracting(AppliedMigration::revision).containsExactly(rev('a'));
        }
        assertThat(failingLine).isEqualTo(11);
        assertThat(tableExists("first_one")).as("the first statement's table").isFalse();
        assertThat(tableExists("kept")).isTrue();
    }

    @Test
    void aSectionSentTogetherStillRunsQueriesThatReturnRows() throws Exception {
        MigrationFile m = file(rev('a'), List.of(), "with a query",
                "CREATE TABLE \"counted\" (\"id\" bigint GENERATED BY DEFAULT AS IDENTITY, \"n\" integer);\n\n"
                        + "INSERT INTO \"counted\" (\"n\") SELECT g FROM generate_series(1, 5) AS g;\n\n"
                        + "SELECT setval(pg_get_serial_sequence('counted', 'id'), 100);\n\n"
                        + "INSERT INTO \"counted\" (\"n\") VALUES (6);",
                "DROP TABLE \"counted\";");
        try (Connection c = db.connect()) {
            runner().run(c, m, Direction.UP, "upgrade");
        }
        assertThat(db.queryLong("SELECT count(*) FROM counted")).isEqualTo(6);
        assertThat(db.queryLong("SELECT id FROM counted WHERE n = 6")).isEqualTo(101);
    }

    @Test
    void aLockTimeoutNamesTheStatementThatWaitedWithoutRunningTheSectionAgain() throws Exception {
        MigrationFile earlier = file(rev('a'), List.of(), "earlier",
                "CREATE TABLE \"busy\" (\"id\" integer);\n\nCREATE SEQUENCE \"runs\";", "DROP SEQUENCE \"runs\";\n\nDROP TABLE \"busy\";");
        // nextval is not undone by a rollback: the sequence counts how often the section was started
        MigrationFile m = file(rev('b'), List.of(rev('a')), "waits",
                "SELECT nextval('runs');\n\nCREATE TABLE \"before_wait\" (\"id\" integer);\n\nALTER TABLE \"busy\" ADD COLUMN \"note\" text;\n\n"
                        + "CREATE TABLE \"after_wait\" (\"id\" integer);",
                "DROP TABLE \"after_wait\";\n\nALTER TABLE \"busy\" DROP COLUMN \"note\";\n\nDROP TABLE \"before_wait\";");
        int waitingLine = lineInFile(m, "ALTER TABLE \"busy\"");
        try (Connection c = db.connect(); Connection holder = db.connect(); Statement hold = holder.createStatement()) {
            runner().run(c, earlier, Direction.UP, "upgrade");
            holder.setAutoCommit(false);
            hold.execute("LOCK TABLE busy IN ACCESS SHARE MODE");
            MigrationRunner limited = runner().withLimits(new LockLimits(Duration.ofMillis(300), Duration.ofMinutes(1), 0), "public", line -> { });

            assertThatThrownBy(() -> limited.run(c, m, Direction.UP, "upgrade"))
                    .isInstanceOfSatisfying(MigrationFailedException.class, e -> {
                        assertThat(e.isLockTimeout()).isTrue();
                        assertThat(e.statement().line()).isEqualTo(waitingLine);
                        assertThat(e.getMessage()).contains("failed at line " + waitingLine + " (up)", "lock timeout");
                    });
            holder.rollback();
        }
        assertThat(tableExists("before_wait")).isFalse();
        assertThat(tableExists("after_wait")).isFalse();
        assertThat(db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_name = 'busy' AND column_name = 'note'")).isZero();
        assertThat(db.queryLong("SELECT last_value FROM runs")).as("the section ran once, not again one statement at a time").isEqualTo(1);
    }

    @Test
    void aFailureInASectionSentTogetherIsFoundByRunningItAgainOneStatementAtATime() throws Exception {
        MigrationFile m = file(rev('a'), List.of(), "fails late",
                "CREATE SEQUENCE \"tries\";\n\nCREATE TABLE \"t1\" (\"id\" integer);\n\nCREATE TABLE \"t2\" (\"id\" integer);\n\n"
                        + "CREATE TABLE \"t1\" (\"id\" integer);\n\nCREATE TABLE \"t3\" (\"id\" integer);",
                "DROP TABLE \"t3\";\n\nDROP TABLE \"t2\";\n\nDROP TABLE \"t1\";\n\nDROP SEQUENCE \"tries\";");
        int failingLine = lineInFile(m, "CREATE TABLE \"t3\"") - 2;
        try (Connection c = db.connect()) {
            assertThatThrownBy(() -> runner().run(c, m, Direction.UP, "upgrade"))
                    .isInstanceOfSatisfying(MigrationFailedException.class, e -> {
                        assertThat(e.statement().line()).isEqualTo(failingLine);
                        assertThat(e.getMessage()).contains("failed at line " + failingLine + " (up)", "relation \"t1\" already exists")
                                .doesNotContain("Batch entry");
                    });
        }
        assertThat(tableExists("t1")).isFalse();
        assertThat(tableExists("t2")).isFalse();
    }

    @Test
    void aFailureOnTheVeryFirstMigrationLeavesNoHistoryTableBehind() throws Exception {
        MigrationFile m = file(rev('a'), List.of(), "broken", "CREATE TABLE \"t\" (\"id\" integer);\nSELECT no_such_function();",
                "DROP TABLE \"t\";");

        try (Connection c = db.connect()) {
            assertThatThrownBy(() -> runner().run(c, m, Direction.UP, "upgrade")).isInstanceOf(MigrationFailedException.class);
            assertThat(history.exists(c)).isFalse();
            assertThat(history.applied(c)).isEmpty();
        }
        assertThat(tableExists("t")).isFalse();
    }

    @Test
    void aFailingDownKeepsTheSchemaAndTheRow() throws Exception {
        MigrationFile m = file(rev('a'), List.of(), "one way",
                "CREATE TABLE \"a\" (\"id\" integer);",
                "DROP TABLE \"a\";\nDROP TABLE \"never_was\";");
        int failingLine = lineInFile(m, "DROP TABLE \"never_was\"");

        try (Connection c = db.connect()) {
            runner().run(c, m, Direction.UP, "upgrade");

            assertThatThrownBy(() -> runner().run(c, m, Direction.DOWN, "downgrade"))
                    .isInstanceOf(MigrationFailedException.class)
                    .hasMessageContaining(m.fileName() + " failed at line " + failingLine + " (down)")
                    .hasMessageContaining("\"never_was\" does not exist");

            assertThat(history.applied(c)).extracting(AppliedMigration::revision).containsExactly(rev('a'));
        }
        assertThat(tableExists("a")).isTrue();
    }

    @Test
    void aManagedSchemaOtherThanPublicIsCreatedWithTheFirstMigration() throws Exception {
        db.execute("DROP SCHEMA IF EXISTS \"Shop\" CASCADE");
        HistoryTable shopHistory = new HistoryTable("Shop", "Migration History");
        MigrationRunner shopRunner = new MigrationRunner(shopHistory, lock("Shop"));
        MigrationFile m = file(rev('a'), List.of(), "orders", "CREATE TABLE \"Shop\".\"orders\" (\"id\" integer);",
                "DROP TABLE \"Shop\".\"orders\";");

        try (Connection c = db.connect()) {
            shopRunner.run(c, m, Direction.UP, "upgrade");

            assertThat(shopHistory.exists(c)).isTrue();
            assertThat(shopHistory.applied(c)).extracting(AppliedMigration::revision).containsExactly(rev('a'));
            assertThat(history.applied(c)).as("nothing recorded in public").isEmpty();
        }
        assertThat(db.queryLong("SELECT count(*) FROM pg_tables WHERE schemaname = 'Shop' AND tablename IN ('orders', 'Migration History')"))
                .isEqualTo(2);
        db.execute("DROP SCHEMA \"Shop\" CASCADE");
    }

    @Test
    void aDeployUserWhoMayNotCreateSchemasCanStillMigrateAnExistingOne() throws Exception {
        // production roles often own their schema but may not create schemas in the database
        String role = "mw_deployer_" + Long.toHexString(System.nanoTime());
        db.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'deploy-pw'", "GRANT USAGE, CREATE ON SCHEMA public TO " + role);
        try {
            MigrationFile m = file(rev('a'), List.of(), "as deployer", "CREATE TABLE \"t\" (\"id\" integer);", "DROP TABLE \"t\";");

            try (Connection c = java.sql.DriverManager.getConnection(db.jdbcUrl(), role, "deploy-pw")) {
                runner().run(c, m, Direction.UP, "upgrade");
                assertThat(history.applied(c)).extracting(AppliedMigration::revision).containsExactly(rev('a'));
            }
            assertThat(tableExists("t")).isTrue();
        } finally {
            db.execute("DROP OWNED BY " + role, "DROP ROLE " + role);
        }
    }

    @Test
    void aFailedFirstMigrationLeavesNoNewSchemaBehind() throws Exception {
        db.execute("DROP SCHEMA IF EXISTS shop CASCADE");
        MigrationRunner shopRunner = new MigrationRunner(new HistoryTable("shop", "migrate_watch_history"), lock("shop"));
        MigrationFile m = file(rev('a'), List.of(), "broken", "CREATE TABLE \"shop\".\"t\" (\"id\" integer);\nSELECT * FROM nowhere;",
                "SELECT 1;");

        try (Connection c = db.connect()) {
            assertThatThrownBy(() -> shopRunner.run(c, m, Direction.UP, "upgrade")).isInstanceOf(MigrationFailedException.class);
        }
        assertThat(db.queryLong("SELECT count(*) FROM pg_namespace WHERE nspname = 'shop'")).isZero();
    }

    @Test
    void updateMakesTheRowFollowAFoldedFile() throws Exception {
        MigrationFile m = file(rev('a'), List.of(), "users", "CREATE TABLE \"users\" (\"id\" integer);", "DROP TABLE \"users\";");

        try (Connection c = db.connect()) {
            runner().run(c, m, Direction.UP, "daemon");
            MigrationFile folded = m.withContent("users and orders", m.up() + "\nCREATE TABLE \"orders\" (\"id\" integer);",
                    "DROP TABLE \"orders\";\n" + m.down());
            history.update(c, folded);

            AppliedMigration row = history.applied(c).get(0);
            assertThat(row.checksum()).isEqualTo(folded.checksum()).isNotEqualTo(m.checksum());
            assertThat(row.description()).isEqualTo("users and orders");
            assertThat(row.how()).isEqualTo("daemon");
            assertThat(MigrationState.of(RevisionGraph.of(List.of(folded)), history.applied(c)).changedFiles()).isEmpty();
        }
    }

    @Test
    void theRunnerRefusesToRunWithoutTheMigrationLock() throws Exception {
        MigrationFile m = file(rev('a'), List.of(), "unlocked", "CREATE TABLE \"t\" (\"id\" integer);", "DROP TABLE \"t\";");

        try (Connection c = db.connect()) {
            assertThatThrownBy(() -> new MigrationRunner(history, null).run(c, m, Direction.UP, "upgrade"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("only under the migration lock");
        }
        assertThat(tableExists("t")).isFalse();
    }

    @Test
    void aLockLostWithItsConnectionStopsTheRunnerBeforeItAppliesAnything() throws Exception {
        MigrationFile m = file(rev('a'), List.of(), "lock lost", "CREATE TABLE \"t\" (\"id\" integer);", "DROP TABLE \"t\";");

        try (Connection c = db.connect()) {
            MigrationRunner runner = runner();
            db.execute("SELECT pg_terminate_backend(" + backendPid(lockConnection) + ")");

            assertThatThrownBy(() -> runner.run(c, m, Direction.UP, "upgrade"))
                    .isInstanceOf(MigrateWatchException.class)
                    .hasMessageContaining("the migration lock was lost with its connection to the database")
                    // a lost connection, so that the daemon waits for the database and tries again
                    .satisfies(e -> assertThat(((MigrateWatchException) e).exitCode()).isEqualTo(ExitCode.DATABASE_UNREACHABLE));
            assertThat(history.applied(c)).isEmpty();
        }
        assertThat(tableExists("t")).isFalse();
    }
}
