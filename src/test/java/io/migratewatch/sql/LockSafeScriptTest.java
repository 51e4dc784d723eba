package io.migratewatch.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.migratewatch.diff.Change;
import io.migratewatch.diff.SchemaDiff;
import io.migratewatch.introspect.SchemaInspector;
import io.migratewatch.migration.AdvisoryLock;
import io.migratewatch.migration.Direction;
import io.migratewatch.migration.HistoryTable;
import io.migratewatch.migration.MigrationDirectory;
import io.migratewatch.migration.MigrationFile;
import io.migratewatch.migration.MigrationRunner;
import io.migratewatch.schema.Schema;
import io.migratewatch.support.TestDatabase;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lock-safe migration sections, written from a real schema difference and applied to a real PostgreSQL. */
class LockSafeScriptTest {

    private static TestDatabase db;

    @TempDir
    Path tmp;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("locksafescript");
    }

    @AfterAll
    static void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    private static final String[] BEFORE = {
            "DROP SCHEMA IF EXISTS public CASCADE", "CREATE SCHEMA public",
            "CREATE TABLE author (id bigint PRIMARY KEY, name text)",
            "CREATE TABLE book (id bigint PRIMARY KEY, author_id bigint, title text, isbn text, pages integer)",
            "CREATE INDEX ix_book_pages ON book (pages)",
            "INSERT INTO author SELECT g, 'a' || g FROM generate_series(1, 100) g",
            "INSERT INTO book SELECT g, 1 + g % 100, 't' || g, 'isbn' || g, g FROM generate_series(1, 1000) g"};

    /** The models' schema: what the same tables look like after the change, plus a new table with an index. */
    private static final String[] AFTER = {
            "CREATE INDEX ix_book_title ON book (title)",
            "DROP INDEX ix_book_pages",
            "ALTER TABLE book ADD CONSTRAINT fk_book_author FOREIGN KEY (author_id) REFERENCES author (id)",
            "ALTER TABLE book ADD CONSTRAINT ck_book_pages CHECK (pages > 0)",
            "ALTER TABLE book ALTER COLUMN title SET NOT NULL",
            "ALTER TABLE book ADD CONSTRAINT uk_book_isbn UNIQUE (isbn)",
            "CREATE TABLE shelf (id bigint PRIMARY KEY, label text)",
            "CREATE INDEX ix_shelf_label ON shelf (label)"};

    private static Schema inspect(Connection c) throws SQLException {
        return new SchemaInspector("public", "migrate_watch_history").inspect(c);
    }

    @Test
    void existingTablesGetConcurrentIndexesNotValidConstraintsAndANotNullThroughACheckNewTablesPlainStatements() throws SQLException {
        db.execute(BEFORE);
        Schema start;
        Schema want;
        try (Connection c = db.connect()) {
            start = inspect(c);
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String sql : AFTER) {
                    s.execute(sql);
                }
            }
            want = inspect(c);
            c.rollback();
        }
        SchemaDiff.Result diff = SchemaDiff.between(start, want);
        SqlRenderer renderer = new SqlRenderer("public");
        String up = LockSafeScript.script(renderer, diff.changes());
        String down = LockSafeScript.script(renderer, diff.reversed());
        System.out.println("-- +up\n" + up + "\n\n-- +down\n" + down);

        assertThat(up).contains(
                "-- +step no-transaction\nCREATE INDEX CONCURRENTLY IF NOT EXISTS \"ix_book_title\" ON \"book\" (\"title\");",
                "-- +step no-transaction\nDROP INDEX CONCURRENTLY IF EXISTS \"ix_book_pages\";",
                "ALTER TABLE \"book\" ADD CONSTRAINT \"fk_book_author\" FOREIGN KEY (\"author_id\") REFERENCES \"author\" (\"id\") NOT VALID;",
                "ALTER TABLE \"book\" ADD CONSTRAINT \"ck_book_pages\" CHECK ((pages > 0)) NOT VALID;",
                "ALTER TABLE \"book\" ADD CONSTRAINT \"title_not_null\" CHECK (\"title\" IS NOT NULL) NOT VALID;",
                "-- +step no-transaction\nCREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS \"uk_book_isbn\" ON \"book\" (\"isbn\");",
                "ALTER TABLE \"book\" ADD CONSTRAINT \"uk_book_isbn\" UNIQUE USING INDEX \"uk_book_isbn\";",
                "ALTER TABLE \"book\" VALIDATE CONSTRAINT \"fk_book_author\";",
                "ALTER TABLE \"book\" VALIDATE CONSTRAINT \"title_not_null\";",
                "-- +step transaction\nALTER TABLE \"book\" ALTER COLUMN \"title\" SET NOT NULL;\n\nALTER TABLE \"book\" DROP CONSTRAINT \"title_not_null\";",
                "CREATE INDEX \"ix_shelf_label\" ON \"shelf\" (\"label\");");
        assertThat(up).doesNotContain("CONCURRENTLY IF NOT EXISTS \"ix_shelf_label\"");
        // validations run after the constraints were added, in a step of their own, and SET NOT NULL after them
        assertThat(up.indexOf("VALIDATE CONSTRAINT \"fk_book_author\"")).isGreaterThan(up.indexOf("REFERENCES \"author\" (\"id\") NOT VALID"));
        assertThat(up.indexOf("SET NOT NULL")).isGreaterThan(up.lastIndexOf("VALIDATE CONSTRAINT"));
        assertThat(down).contains("-- +step no-transaction\nDROP INDEX CONCURRENTLY IF EXISTS \"ix_book_title\";",
                "-- +step no-transaction\nCREATE INDEX CONCURRENTLY IF NOT EXISTS \"ix_book_pages\" ON \"book\" (\"pages\");",
                "ALTER TABLE \"book\" DROP CONSTRAINT \"fk_book_author\";");

        // applied for real, up reaches the models' schema and down returns where it started
        MigrationFile m = new MigrationDirectory(tmp).write(new MigrationFile(null, "dddd00000001", List.of(), "lock-safe",
                Instant.parse("2026-08-19T14:30:22Z"), "auto", up, down, 0, 0));
        HistoryTable history = new HistoryTable("public", "migrate_watch_history");
        try (Connection lock = db.connect(); Connection c = db.connect()) {
            MigrationRunner runner = new MigrationRunner(history, new AdvisoryLock("public", Duration.ofSeconds(10)).acquire(lock));
            runner.run(c, m, Direction.UP, "upgrade");
            assertThat(SchemaDiff.between(inspect(c), want).changes()).isEmpty();
            runner.run(c, m, Direction.DOWN, "downgrade");
            assertThat(SchemaDiff.between(inspect(c), start).changes()).isEmpty();
        }
    }

    @Test
    void theProofsFormRunsInOneTransactionAndReachesTheSameSchema() throws SQLException {
        db.execute(BEFORE);
        try (Connection c = db.connect()) {
            Schema start = inspect(c);
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String sql : AFTER) {
                    s.execute(sql);
                }
            }
            Schema want = inspect(c);
            c.rollback();
            List<Change> changes = SchemaDiff.between(start, want).changes();
            String inTransaction = LockSafeScript.inTransaction(LockSafeScript.script(new SqlRenderer("public"), changes));
            assertThat(inTransaction).doesNotContain("CONCURRENTLY").contains("CREATE INDEX IF NOT EXISTS \"ix_book_title\"");
            try (Statement s = c.createStatement()) {
                for (var st : io.migratewatch.migration.SqlScript.statements(inTransaction, 1)) {
                    s.execute(st.sql());
                }
            }
            assertThat(SchemaDiff.between(inspect(c), want).changes()).isEmpty();
            c.rollback();
        }
    }
}
