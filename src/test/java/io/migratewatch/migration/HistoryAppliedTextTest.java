package io.migratewatch.migration;

import io.migratewatch.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.migratewatch.migration.Migrations.rev;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history keeps the text of each daemon migration as applied, which is what the daemon restores its files from;
 * a history table made by an earlier version gets the column on its next write, and its rows stay as they were.
 */
class HistoryAppliedTextTest {

    private static TestDatabase db;
    private final HistoryTable history = new HistoryTable("public", "migrate_watch_history");
    /** The connection holding the migration lock, as a use case does for the whole run. */
    private Connection lockConnection;
    private MigrationRunner runner;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("applied_text");
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @BeforeEach
    void emptySchemaAndTheLock() throws java.sql.SQLException {
        db.execute("DROP SCHEMA IF EXISTS public CASCADE", "CREATE SCHEMA public");
        lockConnection = db.connect();
        runner = new MigrationRunner(history, new AdvisoryLock("public", Duration.ofSeconds(10)).acquire(lockConnection));
    }

    @org.junit.jupiter.api.AfterEach
    void releaseTheLock() throws java.sql.SQLException {
        lockConnection.close();
    }

    private static MigrationFile daemonMigration(String revision, String up, String down) {
        return new MigrationFile(Path.of("migrations", revision + ".sql"), revision, List.of(), "create table t",
                Instant.parse("2026-08-19T14:30:22Z"), MigrationFile.DAEMON, up, down, 0, 0);
    }

    @Test
    void aDaemonMigrationsTextIsKeptAsAppliedAndFollowsEachFold() throws Exception {
        MigrationFile created = daemonMigration(rev('a'), "CREATE TABLE t (id int);", "DROP TABLE t;");
        MigrationFile folded = created.withContent("create table t", "CREATE TABLE t (id int, name text);", "DROP TABLE t;");
        try (Connection c = db.connect()) {
            runner.run(c, created, Direction.UP, "daemon");
            assertThat(history.appliedTexts(c)).containsExactly(java.util.Map.entry(rev('a'), MigrationFileFormat.render(created)));

            runner.fold(c, created, List.of("ALTER TABLE t ADD COLUMN name text"), folded, null);

            String text = history.appliedTexts(c).get(rev('a'));
            assertThat(MigrationFileFormat.parse(Path.of("x.sql"), text).checksum()).isEqualTo(folded.checksum());
        }
    }

    @Test
    void migrationsTheDaemonDidNotWriteKeepNoText() throws Exception {
        try (Connection c = db.connect()) {
            runner.run(c, Migrations.migration(rev('b'), List.of(), 0), Direction.UP, "upgrade");
            assertThat(history.appliedTexts(c)).isEmpty();
        }
    }

    @Test
    void aHistoryTableOfAnEarlierVersionGetsTheColumnAndKeepsItsRows() throws Exception {
        db.execute("CREATE TABLE migrate_watch_history (revision varchar(32) PRIMARY KEY, parents varchar(200) NOT NULL DEFAULT '', "
                        + "description varchar(500) NOT NULL DEFAULT '', checksum varchar(64) NOT NULL, "
                        + "applied_at timestamp(3) with time zone NOT NULL DEFAULT now(), duration_ms bigint NOT NULL DEFAULT 0, "
                        + "applied_by varchar(200) NOT NULL DEFAULT '', how varchar(20) NOT NULL DEFAULT 'upgrade', "
                        + "backup varchar(500), installed_rank bigint GENERATED ALWAYS AS IDENTITY)",
                "INSERT INTO migrate_watch_history (revision, checksum) VALUES ('" + rev('c') + "', 'abc')");
        try (Connection c = db.connect()) {
            assertThat(history.appliedTexts(c)).as("read before the column exists").isEmpty();

            runner.run(c, daemonMigration(rev('d'), "CREATE TABLE t (id int);", "DROP TABLE t;"), Direction.UP, "daemon");

            assertThat(history.applied(c)).extracting(AppliedMigration::revision).containsExactly(rev('c'), rev('d'));
            assertThat(history.appliedTexts(c)).containsOnlyKeys(rev('d'));
        }
        assertThat(db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_name = 'migrate_watch_history'"
                + " AND column_name = 'applied_text' AND is_nullable = 'YES'")).isEqualTo(1);
    }
}
