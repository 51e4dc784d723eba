package io.migratewatch.workflow;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;
import io.migratewatch.migration.MigrationFailedException;
import io.migratewatch.schema.Renames;
import io.migratewatch.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The manual use cases called directly, where the database refuses something: the error says what, and nothing changes. */
class UpgradeAndGenerateTest {

    private static TestDatabase db;

    @TempDir
    Path dir;

    private WorkflowFixture f;

    @BeforeAll
    static void database() {
        db = TestDatabase.create("upgrade");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @BeforeEach
    void project() throws Exception {
        f = new WorkflowFixture(db, dir);
    }

    @Test
    void aHistoryInsertThatFailsRollsTheMigrationBackAndNamesTheStatement() throws Exception {
        // a description longer than the history keeps, written by hand
        Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(dir.resolve("migrations/20260101_000000_aaaaaaaaaaaa_long.sql"), """
                -- migrate-watch migration
                -- revision: aaaaaaaaaaaa
                -- parents: none
                -- description: %s
                -- created: 2026-01-01T00:00:00Z
                -- generated: manual

                -- +up
                CREATE TABLE note (id bigint PRIMARY KEY);

                -- +down
                DROP TABLE note;
                """.formatted("x".repeat(600)));
        Map<String, String> before = f.fingerprint();

        assertThatThrownBy(() -> {
            try (Project p = f.project()) {
                new Upgrade(p).run("head", false);
            }
        }).isInstanceOfSatisfying(MigrationFailedException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.MIGRATION_FAILED))
                .hasMessageContaining("(history): INSERT INTO \"public\".\"migrate_watch_history\"")
                .hasMessageContaining("value too long")
                .hasMessageContaining("rolled back");

        assertThat(db.queryLong("SELECT count(*) FROM pg_tables WHERE tablename = 'note'")).as("the migration is rolled back").isZero();
        assertThat(f.fingerprint()).isEqualTo(before);
    }

    @Test
    void generateRefusesADescriptionTheHistoryCannotKeepAndWritesNothing() throws Exception {
        f.entity("Note", "@Entity public class Note { @Id private Long id; }");

        assertThatThrownBy(() -> {
            try (Project p = f.project()) {
                new Generate(p).run(new Generate.Request("y".repeat(501), Renames.NONE, false, false));
            }
        }).isInstanceOfSatisfying(MigrateWatchException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT))
                .hasMessageContaining("501 characters")
                .hasMessageContaining("at most 500");
        assertThat(f.files()).isEmpty();
    }

    @Test
    void generateWritesTheProvenMigrationAndAppliesNothing() throws Exception {
        f.entity("Note", "@Entity public class Note { @Id private Long id; private String text; }");

        Generate.Result result;
        try (Project p = f.project()) {
            result = new Generate(p).run(new Generate.Request("notes", Renames.NONE, false, false));
        }

        assertThat(result.file()).isNotNull();
        assertThat(Files.readString(result.file().path())).contains("-- description: notes", "CREATE TABLE \"note\"", "DROP TABLE \"note\"");
        assertThat(db.queryLong("SELECT count(*) FROM pg_tables WHERE tablename = 'note'")).isZero();
    }
}
