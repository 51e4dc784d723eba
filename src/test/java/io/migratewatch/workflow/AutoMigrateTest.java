package io.migratewatch.workflow;

import io.migratewatch.backup.BackupException;
import io.migratewatch.support.MigrationFiles;
import io.migratewatch.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The daemon's use case called directly: create, fold, fold away, hold, and a fold that fails half way. */
class AutoMigrateTest {

    private static TestDatabase db;

    @TempDir
    Path dir;

    private WorkflowFixture f;

    private static final String CUSTOMER = """
            @Entity
            public class Customer {
                @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                private String name;
            }
            """;

    @BeforeAll
    static void database() {
        db = TestDatabase.create("auto");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @BeforeEach
    void project() throws Exception {
        f = new WorkflowFixture(db, dir);
    }

    private AutoMigrateOutcome run(BackupStep backup) {
        try (Project p = f.project()) {
            return new AutoMigrate(p, backup).run(p.models());
        }
    }

    private AutoMigrateOutcome run() {
        return run(BackupStep.NOT_AVAILABLE);
    }

    @Test
    void aNewEntityIsWrittenAndAppliedAndTheNextChangeFoldsIntoIt() throws Exception {
        f.entity("Customer", CUSTOMER);

        AutoMigrateOutcome first = run();

        assertThat(first).isInstanceOfSatisfying(AutoMigrateOutcome.Applied.class, a -> {
            assertThat(a.folded()).isFalse();
            assertThat(a.description()).isEqualTo("create table customer");
        });
        assertThat(f.files()).hasSize(1);
        f.sql("INSERT INTO customer (name) VALUES ('Ada')");

        f.entity("Customer", CUSTOMER.replace("private String name;", "private String name; private String email;"));
        AutoMigrateOutcome second = run();

        assertThat(second).isInstanceOfSatisfying(AutoMigrateOutcome.Applied.class, a -> assertThat(a.folded()).isTrue());
        assertThat(f.files()).hasSize(1);
        assertThat(f.files().values().iterator().next()).contains("\"email\"", "CREATE TABLE \"customer\"");
        assertThat(db.queryLong("SELECT count(*) FROM customer WHERE name = 'Ada' AND email IS NULL")).as("the data stays").isEqualTo(1);
    }

    @Test
    void undoingEveryChangeOfTheOpenMigrationFoldsItAway() throws Exception {
        f.entity("Customer", CUSTOMER);
        assertThat(run()).isInstanceOf(AutoMigrateOutcome.Applied.class);

        f.deleteEntity("Customer");
        AutoMigrateOutcome outcome = run();

        assertThat(outcome).isInstanceOf(AutoMigrateOutcome.FoldedAway.class);
        assertThat(f.files()).isEmpty();
        assertThat(db.queryLong("SELECT count(*) FROM pg_tables WHERE tablename = 'customer'")).isZero();
        assertThat(db.queryLong("SELECT count(*) FROM migrate_watch_history")).isZero();
    }

    @Test
    void aPullThatBringsASecondHeadIsAConflictAndNothingIsFoldedGeneratedOrApplied() throws Exception {
        f.entity("Customer", CUSTOMER);
        assertThat(run()).isInstanceOf(AutoMigrateOutcome.Applied.class);
        // a teammate's migration that does not follow ours arrives with a pull
        Path theirs = MigrationFiles.write(dir.resolve("migrations"), "abcd00000001", null, "supplier", 1,
                "CREATE TABLE \"supplier\" (\"id\" bigint);", "DROP TABLE \"supplier\";");
        Map<String, String> files = f.files();
        Map<String, String> before = f.fingerprint();

        f.entity("Customer", CUSTOMER.replace("private String name;", "private String name; private String email;"));
        AutoMigrateOutcome outcome = run();

        assertThat(outcome).isInstanceOfSatisfying(AutoMigrateOutcome.Conflict.class, c -> assertThat(c.message())
                .startsWith("CONFLICT: heads ").contains("abcd0000 (" + theirs.getFileName() + ")")
                .endsWith(" — run migrate-watch merge"));
        assertThat(f.files()).as("the open migration is not folded into").isEqualTo(files);
        assertThat(f.fingerprint()).isEqualTo(before);
    }

    @Test
    void aChangeThatWouldLoseDataIsHeldAndNothingChanges() throws Exception {
        f.entity("Customer", CUSTOMER);
        run();
        f.sql("INSERT INTO customer (name) VALUES ('Ada')");
        Map<String, String> files = f.files();
        Map<String, String> before = f.fingerprint();

        f.entity("Customer", CUSTOMER.replace("private String name;", ""));
        AutoMigrateOutcome outcome = run();

        assertThat(outcome).isInstanceOfSatisfying(AutoMigrateOutcome.Held.class,
                h -> assertThat(h.review().summary()).isEqualTo("drops column customer.name (1 value)"));
        assertThat(f.files()).isEqualTo(files);
        assertThat(f.fingerprint()).isEqualTo(before);
    }

    @Test
    void aFoldWhoseBackupFailsLeavesTheFileAndTheDatabaseAsTheyWereAndTheNextRunApplies() throws Exception {
        f.entity("Customer", CUSTOMER);
        run();
        f.sql("INSERT INTO customer (name) VALUES ('Ada')");
        Map<String, String> files = f.files();
        Map<String, String> before = f.fingerprint();

        f.entity("Customer", CUSTOMER.replace("private String name;", "private String name; private String email;"));
        BackupStep diskFull = (connection, revision) -> {
            throw new BackupException("No space left on device");
        };
        assertThatThrownBy(() -> run(diskFull)).isInstanceOf(BackupException.class).hasMessageContaining("No space left");

        assertThat(f.files()).as("the file is put back").isEqualTo(files);
        assertThat(f.fingerprint()).as("the database is untouched").isEqualTo(before);

        assertThat(run()).as("with the disk freed, the same change goes through")
                .isInstanceOfSatisfying(AutoMigrateOutcome.Applied.class, a -> assertThat(a.folded()).isTrue());
        assertThat(db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_name = 'customer' AND column_name = 'email'"))
                .isEqualTo(1);
    }

    @Test
    void withAutoGenerateOffTheModelsChangeIsOnlyReported() throws Exception {
        f.config("watcher.auto-generate = false\n");
        f.entity("Customer", CUSTOMER);

        AutoMigrateOutcome outcome = run();

        assertThat(outcome).isInstanceOfSatisfying(AutoMigrateOutcome.ModelsChanged.class, m -> {
            assertThat(m.changes()).isEqualTo(1);
            assertThat(m.description()).isEqualTo("create table customer");
        });
        assertThat(f.files()).isEmpty();
        assertThat(db.queryLong("SELECT count(*) FROM pg_tables WHERE tablename = 'customer'")).isZero();
    }
}
