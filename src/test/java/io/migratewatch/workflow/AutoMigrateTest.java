package io.migratewatch.workflow;

import io.migratewatch.backup.BackupException;
import io.migratewatch.support.MigrationFiles;
import io.migratewatch.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.migratewatch.migration.MigrationFile;
import io.migratewatch.migration.MigrationFileFormat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    void aFoldThatWaitsForALockBeyondEveryRetryNamesTheSessionAppliesNothingAndGivesNoWayBack() throws Exception {
        AsItWas asItWas = customerWithARowThenAnEmailToFold();
        Map<String, String> files = asItWas.files();
        Map<String, String> before = asItWas.database();
        List<String> out = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (java.sql.Connection app = db.connect(); java.sql.Statement s = app.createStatement(); Project p = f.project(out::add)) {
            app.setAutoCommit(false);
            int pid = holderPid(s);
            // the application's transaction reads the table after the daemon planned and proved the fold, before it applies it
            BackupStep appReads = (connection, revision) -> {
                try {
                    s.execute("SELECT count(*) FROM customer");
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
                return BackupStep.Result.skipped("backups are off for this run");
            };
            assertThatThrownBy(() -> new AutoMigrate(p, appReads).run(p.models()))
                    .isInstanceOf(io.migratewatch.migration.MigrationFailedException.class)
                    .hasMessageContaining("canceling statement due to lock timeout")
                    .hasMessageContaining("Gave up after 2 attempts, each waiting 300 ms (lock_timeout) for a lock held by session pid " + pid)
                    .hasMessageContaining("its last query: SELECT count(*) FROM customer")
                    .hasMessageContaining("Nothing was applied: the database is as it was before this migration, so there is nothing to undo.")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("To go back", "downgrade"));
            assertThat(out).singleElement().asString().startsWith("lock timeout: ").contains("waited 300 ms for a lock: session pid " + pid,
                    "trying again in 1 s (attempt 2 of 2)");
            app.rollback();
        }
        assertThat(f.files()).as("the open migration keeps its text").isEqualTo(files);
        assertThat(f.fingerprint()).as("the database is untouched").isEqualTo(before);

        assertThat(run()).as("with the lock released, the same change goes through")
                .isInstanceOfSatisfying(AutoMigrateOutcome.Applied.class, a -> assertThat(a.folded()).isTrue());
    }

    @Test
    void theProofOfAFoldWaitsForALockNoLongerThanTheLockTimeoutAndNamesTheSessionHoldingIt() throws Exception {
        AsItWas asItWas = customerWithARowThenAnEmailToFold();
        Map<String, String> files = asItWas.files();
        Map<String, String> before = asItWas.database();
        try (java.sql.Connection app = db.connect(); java.sql.Statement s = app.createStatement()) {
            app.setAutoCommit(false);
            int pid = holderPid(s);
            s.execute("SELECT count(*) FROM customer");
            // the proof runs the open migration's down section (DROP TABLE) on the database, in a transaction it rolls back
            long start = System.nanoTime();
            Throwable failure = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                    () -> org.assertj.core.api.Assertions.catchThrowable(() -> run()));
            System.out.println("the daemon's proof gave up on the lock after " + (System.nanoTime() - start) / 1_000_000 + " ms");
            assertThat(failure).isInstanceOf(io.migratewatch.MigrateWatchException.class)
                    .hasMessageContaining("proving the migration failed in its down section of ")
                    .hasMessageContaining("DROP TABLE \"customer\"")
                    .hasMessageContaining("canceling statement due to lock timeout")
                    .hasMessageContaining("(a lock held by session pid " + pid + " (idle in transaction")
                    .hasMessageContaining("its last query: SELECT count(*) FROM customer)")
                    .hasMessageEndingWith("Nothing was applied.");
            app.rollback();
        }
        assertThat(f.files()).isEqualTo(files);
        assertThat(f.fingerprint()).isEqualTo(before);
        assertThat(run()).isInstanceOfSatisfying(AutoMigrateOutcome.Applied.class, a -> assertThat(a.folded()).isTrue());
    }

    /** The files and the database before a fold. */
    private record AsItWas(Map<String, String> files, Map<String, String> database) {
    }

    /**
     * Lock limits of 300 ms with one retry, a customer table holding a row, and then an email field saved on the
     * model: the fold the daemon's next run makes, with what was there before it.
     */
    private AsItWas customerWithARowThenAnEmailToFold() throws Exception {
        f.config("migrations.lock-timeout = 300ms\ndeploy.retries = 1\n");
        f.entity("Customer", CUSTOMER);
        run();
        f.sql("INSERT INTO customer (name) VALUES ('Ada')");
        AsItWas asItWas = new AsItWas(f.files(), f.fingerprint());
        f.entity("Customer", CUSTOMER.replace("private String name;", "private String name; private String email;"));
        return asItWas;
    }

    static int holderPid(java.sql.Statement s) throws java.sql.SQLException {
        try (java.sql.ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
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

    @Test
    void foldsThatReadAgainOnlyWhatTheOpenMigrationChangedWriteWhatFoldsThatReadEverythingWrite() throws Exception {
        // the daemon keeps one AutoMigrate: from its second run on, after the open migration's down section it reads again
        // only the tables that migration changes; a new AutoMigrate for each run reads the whole schema. Same results
        String indexed = PURCHASE.replace("@Entity", "@Entity @Table(indexes = @Index(columnList = \"total\"))");
        List<Map<String, String>> steps = List.of(
                Map.of("Customer", CUSTOMER, "Purchase", PURCHASE),
                Map.of("Customer", CUSTOMER.replace("private String name;", "private String name; private String email;"), "Purchase", PURCHASE),
                Map.of("Customer", CUSTOMER.replace("private String name;", "// @renamed from=name\n private String fullName; private String email;"),
                        "Purchase", PURCHASE),
                Map.of("Customer", CUSTOMER.replace("private String name;", "private String fullName;"), "Purchase", indexed),
                // a table that a foreign key points at is renamed: the key's table is read again too
                Map.of("Client", "// @renamed from=Customer\n" + CUSTOMER.replace("class Customer", "class Client")
                        .replace("private String name;", "private String fullName;"), "Purchase", indexed.replace("Customer", "Client")),
                // the rename changed the names of the keys that depend on the table's name; the next fold undoes the open
                // migration by those names
                Map.of("Client", "// @renamed from=Customer\n" + CUSTOMER.replace("class Customer", "class Client")
                        .replace("private String name;", "private String fullName; private String email;"),
                        "Purchase", indexed.replace("Customer", "Client")));
        try (TestDatabase otherDb = TestDatabase.create("autofull")) {
            WorkflowFixture everything = new WorkflowFixture(otherDb, Files.createDirectories(dir.resolve("everything")));
            WorkflowFixture kept = new WorkflowFixture(db, Files.createDirectories(dir.resolve("kept")));
            try (Project p = kept.project()) {
                AutoMigrate keptAcrossRuns = new AutoMigrate(p, BackupStep.NOT_AVAILABLE);
                for (Map<String, String> step : steps) {
                    kept.entities(step);
                    AutoMigrateOutcome onlyChanged = keptAcrossRuns.run(p.models());
                    everything.entities(step);
                    AutoMigrateOutcome full;
                    try (Project fresh = everything.project()) {
                        full = new AutoMigrate(fresh, BackupStep.NOT_AVAILABLE).run(fresh.models());
                    }
                    assertThat(onlyChanged).as(step.keySet().toString()).isInstanceOf(AutoMigrateOutcome.Applied.class);
                    assertThat(describe(onlyChanged)).isEqualTo(describe(full));
                    assertThat(sections(kept)).isEqualTo(sections(everything));
                    assertThat(schemaAndRows(kept)).isEqualTo(schemaAndRows(everything));
                }
            }
            assertThat(sections(kept)).hasSize(1);
            assertThat(sections(kept).get(0)).contains("CREATE TABLE \"client\"", "\"full_name\"", "\"email\"", "CREATE INDEX");
            try (Project p = kept.project()) {
                assertThat(constraintNames(db)).isEqualTo(constraintNames(p.models().schema()));
                assertThat(constraintNames(otherDb)).isEqualTo(constraintNames(p.models().schema()));
            }
        }
    }

    private static final String PURCHASE = """
            @Entity
            public class Purchase {
                @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                @ManyToOne private Customer customer;
                private int total;
            }
            """;

    /** The names of the keys and indexes of the models' tables, as {@code table name}. */
    private static List<String> constraintNames(io.migratewatch.schema.Schema schema) {
        List<String> names = new java.util.ArrayList<>();
        for (io.migratewatch.schema.Table t : schema.tables().values()) {
            java.util.stream.Stream.of(java.util.stream.Stream.ofNullable(t.primaryKey()), t.foreignKeys().stream(), t.uniques().stream(),
                            t.indexes().stream(), t.checks().stream())
                    .flatMap(s -> s).forEach(c -> names.add(t.name() + " " + c.name()));
        }
        return names.stream().sorted().toList();
    }

    /** The same names as the database has them. */
    private static List<String> constraintNames(TestDatabase database) {
        return database.queryStrings("""
                SELECT c.relname || ' ' || i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
                  JOIN pg_class c ON c.oid = x.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = 'public' AND c.relname IN ('client', 'purchase')
                   AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid AND k.conrelid = x.indrelid)
                UNION ALL
                SELECT c.relname || ' ' || k.conname FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = 'public' AND c.relname IN ('client', 'purchase') AND k.contype IN ('p', 'f', 'u', 'c')
                ORDER BY 1""").stream().sorted().toList();
    }

    private static String describe(AutoMigrateOutcome outcome) {
        return outcome instanceof AutoMigrateOutcome.Applied a ? "applied " + a.description() + " folded=" + a.folded() : outcome.toString();
    }

    /** The fingerprint without the history's rows, whose revisions and times differ from one project to the other. */
    private static Map<String, String> schemaAndRows(WorkflowFixture fixture) throws Exception {
        Map<String, String> fingerprint = new java.util.TreeMap<>(fixture.fingerprint());
        fingerprint.remove("data public.migrate_watch_history");
        return fingerprint;
    }

    /** Each migration file's description and sections, without its revision and time. */
    private static List<String> sections(WorkflowFixture fixture) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        for (Map.Entry<String, String> file : fixture.files().entrySet()) {
            MigrationFile m = MigrationFileFormat.parse(Path.of(file.getKey()), file.getValue());
            out.add(m.description() + "\n" + m.up() + "\n-- down\n" + m.down());
        }
        return out;
    }
}
