package io.migratewatch.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.migratewatch.schema.Renames;
import io.migratewatch.support.TestDatabase;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate} then {@code upgrade} with {@code migrations.lock-safe = auto}: a table holding rows gets lock-safe steps. */
class LockSafeGenerateTest {

    private static TestDatabase db;

    @TempDir
    Path dir;
    private WorkflowFixture f;

    @BeforeAll
    static void database() {
        db = TestDatabase.create("locksafegen");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @BeforeEach
    void project() throws Exception {
        f = new WorkflowFixture(db, dir);
        // the table as the first migration made it, applied
        f.entity("Note", "@Entity public class Note { @Id private Long id; private String text; }");
        try (Project p = f.project()) {
            new Generate(p).run(new Generate.Request("notes", Renames.NONE, false, false));
            new Upgrade(p).run("head", false);
        }
        f.entity("Note", """
                @Entity @Table(indexes = @Index(name = "ix_note_text", columnList = "text"))
                public class Note { @Id private Long id; @Column(nullable = false) private String text; }
                """);
    }

    private String generate() throws Exception {
        try (Project p = f.project()) {
            Generate.Result result = new Generate(p).run(new Generate.Request("note text", Renames.NONE, false, false));
            return Files.readString(result.file().path());
        }
    }

    @Test
    void aTableHoldingRowsGetsAConcurrentIndexAndANotNullThroughACheckAndUpgradeAppliesThem() throws Exception {
        f.sql("INSERT INTO note SELECT g, 'n' || g FROM generate_series(1, 500) g");
        String file = generate();
        assertThat(file).contains("-- +step no-transaction\nCREATE INDEX CONCURRENTLY IF NOT EXISTS \"ix_note_text\" ON \"note\" (\"text\");",
                "ALTER TABLE \"note\" ADD CONSTRAINT \"text_not_null\" CHECK (\"text\" IS NOT NULL) NOT VALID;",
                "-- +step transaction\nALTER TABLE \"note\" VALIDATE CONSTRAINT \"text_not_null\";",
                "ALTER TABLE \"note\" ALTER COLUMN \"text\" SET NOT NULL;",
                "-- +down", "DROP INDEX CONCURRENTLY IF EXISTS \"ix_note_text\";");
        try (Project p = f.project()) {
            assertThat(new Upgrade(p).run("head", false).applied()).hasSize(1);
            assertThat(new Status(p).run().pending()).isZero();
        }
        assertThat(db.queryLong("SELECT count(*) FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid"
                + " WHERE x.relname = 'ix_note_text' AND i.indisvalid")).isEqualTo(1);
        assertThat(db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_name = 'note' AND column_name = 'text'"
                + " AND is_nullable = 'NO'")).isEqualTo(1);
        assertThat(db.queryLong("SELECT count(*) FROM pg_constraint WHERE conname = 'text_not_null'")).isZero();
        // deploy's health check replays the migrations in a scratch database, one transaction each
        try (Project p = f.project()) {
            Deploy.Report deployed = new Deploy(p).run(false);
            assertThat(deployed.ok()).as(deployed.error()).isTrue();
            assertThat(deployed.steps().get(3).summary()).contains("live schema equals the schema the migrations produce");
        }
    }

    @Test
    void anEmptyTableKeepsPlainStatements() throws Exception {
        String file = generate();
        assertThat(file).contains("CREATE INDEX \"ix_note_text\" ON \"note\" (\"text\");",
                "ALTER TABLE \"note\" ALTER COLUMN \"text\" SET NOT NULL;").doesNotContain("-- +step", "CONCURRENTLY");
    }
}
