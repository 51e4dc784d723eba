package io.migratewatch.workflow;

import io.migratewatch.diff.SchemaDiff;
import io.migratewatch.migration.MigrationFailedException;
import io.migratewatch.migration.MigrationFile;
import io.migratewatch.migration.MigrationState;
import io.migratewatch.schema.Renames;
import io.migratewatch.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A migration that needs more locks than one transaction may take (here made small with
 * {@code migrations.lock-budget}; on a stock server it takes about a thousand new tables): it is cut
 * into migrations that each fit, chained and sealed, each proven in the transaction that applies it, and
 * applied and reverted one by one.
 */
class LargeMigrationTest {

    private static final int ENTITIES = 24;

    private static TestDatabase db;

    @TempDir
    Path dir;

    private WorkflowFixture f;

    @BeforeAll
    static void database() {
        db = TestDatabase.create("large");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @BeforeEach
    void project() throws Exception {
        f = new WorkflowFixture(db, dir);
        f.config("migrations.lock-budget = 600\n");
        for (int i = 0; i < ENTITIES; i++) {
            entity(i, "");
        }
    }

    private void entity(int i, String extra) throws Exception {
        f.entity("Item" + i, "@Entity @Table(indexes = @Index(columnList = \"name\"))\npublic class Item" + i + " {\n"
                + "    @Id @GeneratedValue private Long id;\n"
                + "    @Column(unique = true, nullable = false) private String code;\n"
                + "    private String name;\n"
                + (i == 0 ? "" : "    @ManyToOne private Item" + (i - 1) + " previous;\n")
                + extra + "}\n");
    }

    /** Scratch databases on the server (other tests' killed processes may have left some). */
    private static long scratchDatabases() {
        return db.queryLong("SELECT count(*) FROM pg_database WHERE datname LIKE 'migrate\\_watch\\_scratch\\_%'");
    }

    private static long tablesIn(MigrationFile part) {
        return part.up().lines().filter(l -> l.startsWith("CREATE TABLE")).count();
    }

    private SchemaDiff.Result modelsAgainstDatabase(Project p) throws Exception {
        try (Connection c = p.connect()) {
            return p.compare(c, p.models(), Renames.NONE);
        }
    }

    @Test
    void generateWritesChainedSealedPartsThatUpgradeAppliesAndDowngradeReverts() throws Exception {
        try (Project p = f.project()) {
            long scratchBefore = scratchDatabases();
            Generate.Result generated = new Generate(p).run(new Generate.Request("initial", Renames.NONE, false, false));

            List<MigrationFile> files = generated.files();
            assertThat(files).hasSizeGreaterThan(1);
            for (int i = 0; i < files.size(); i++) {
                MigrationFile file = files.get(i);
                assertThat(file.description()).isEqualTo("initial (part " + (i + 1) + " of " + files.size() + ")");
                assertThat(file.parents()).isEqualTo(i == 0 ? List.of() : List.of(files.get(i - 1).revision()));
                assertThat(file.sealed()).as("the daemon never folds into a part").isNotNull();
                assertThat(file.proofWhenApplied()).as("each part is proven as it is applied").isTrue();
                assertThat(Files.readString(file.path())).contains("\n-- proof: when applied\n");
            }
            assertThat(db.queryLong("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))
                    .as("generate applies nothing").isZero();
            assertThat(scratchDatabases()).as("no scratch database is needed").isEqualTo(scratchBefore);

            Upgrade.Result upgraded = new Upgrade(p, BackupStep.NOT_AVAILABLE).run(null, false);
            assertThat(upgraded.applied()).hasSize(files.size());
            assertThat(modelsAgainstDatabase(p).isEmpty()).as("the parts together reach the models").isTrue();

            Upgrade.Result reverted = new Downgrade(p, BackupStep.NOT_AVAILABLE).run(new Downgrade.Request(0, "base", false));
            assertThat(reverted.applied()).hasSize(files.size());
            assertThat(db.queryLong("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrate_watch_history'"))
                    .isZero();
        }
    }

    @Test
    void aPartWhoseDownDoesNotReturnTheSchemaIsNotAppliedAndThePartsBeforeItStay() throws Exception {
        try (Project p = f.project()) {
            List<MigrationFile> files = new Generate(p).run(new Generate.Request("initial", Renames.NONE, false, false)).files();
            assertThat(files).hasSizeGreaterThan(1);
            MigrationFile second = files.get(1);
            // a hand edit to the down section of the second part: it now changes a table of the first
            Files.writeString(second.path(), Files.readString(second.path()).stripTrailing()
                    + "\nALTER TABLE \"item0\" ADD COLUMN \"stray\" integer;\n");

            assertThatThrownBy(() -> new Upgrade(p, BackupStep.NOT_AVAILABLE).run(null, false))
                    .isInstanceOf(MigrationFailedException.class)
                    .hasMessageContaining(second.fileName())
                    .hasMessageContaining("the down section does not return the schema the migration started from")
                    .hasMessageContaining("+ column public.item0.stray integer")
                    .hasMessageContaining("The transaction was rolled back");
            try (Connection c = p.connect()) {
                MigrationState state = p.state(c);
                assertThat(state.applied()).as("the first part stays applied, the second is not").hasSize(1);
                assertThat(state.applied().get(0).revision()).isEqualTo(files.get(0).revision());
            }
            assertThat(db.queryLong("SELECT count(*) FROM information_schema.columns WHERE column_name = 'stray'")).isZero();
            assertThat(db.queryLong("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrate_watch_history'"))
                    .as("the first part's tables, none of the second's").isEqualTo(tablesIn(files.get(0)));
        }
    }

    @Test
    void theDaemonAppliesThePartsAndStartsANewMigrationForTheNextEdit() throws Exception {
        try (Project p = f.project()) {
            AutoMigrateOutcome first = new AutoMigrate(p, BackupStep.NOT_AVAILABLE).run(p.models());
            assertThat(first).isInstanceOf(AutoMigrateOutcome.Applied.class);
            assertThat(((AutoMigrateOutcome.Applied) first).description()).contains("migrations, each within one transaction's locks");
            int parts = f.files().size();
            assertThat(parts).isGreaterThan(1);
            assertThat(modelsAgainstDatabase(p).isEmpty()).isTrue();

            entity(3, "    private String colour;\n");
            AutoMigrateOutcome second = new AutoMigrate(p, BackupStep.NOT_AVAILABLE).run(p.models());
            assertThat(second).isInstanceOf(AutoMigrateOutcome.Applied.class);
            assertThat(f.files()).hasSize(parts + 1);
            assertThat(modelsAgainstDatabase(p).isEmpty()).isTrue();
            try (Connection c = p.connect()) {
                MigrationState state = p.state(c);
                assertThat(state.pending()).isEmpty();
                assertThat(state.graph().heads()).hasSize(1);
            }
        }
    }

    @Test
    void changesTooLargeToFoldIntoTheOpenMigrationLeaveItAndStartNewOnes() throws Exception {
        try (Project p = f.project()) {
            f.config("migrations.lock-budget = 100000\n");
        }
        for (int i = 1; i < ENTITIES; i++) {
            f.deleteEntity("Item" + i);
        }
        try (Project p = f.project()) {
            assertThat(new AutoMigrate(p, BackupStep.NOT_AVAILABLE).run(p.models())).isInstanceOf(AutoMigrateOutcome.Applied.class);
            assertThat(f.files()).hasSize(1);
        }
        f.config("migrations.lock-budget = 600\n");
        for (int i = 1; i < ENTITIES; i++) {
            entity(i, "");
        }
        try (Project p = f.project()) {
            AutoMigrateOutcome outcome = new AutoMigrate(p, BackupStep.NOT_AVAILABLE).run(p.models());
            assertThat(outcome).isInstanceOf(AutoMigrateOutcome.Applied.class);
            assertThat(f.files()).hasSizeGreaterThan(2);
            assertThat(f.files().values().stream().filter(text -> text.contains("-- sealed:")).count())
                    .as("the open migration was sealed as it was, and the parts are sealed").isEqualTo(f.files().size());
            assertThat(modelsAgainstDatabase(p).isEmpty()).isTrue();
        }
    }

    @Test
    void whenALaterPartWaitsForALockBeyondEveryRetryTheWayBackNamesOnlyThePartsThisRunApplied() throws Exception {
        String legacy = "@Entity\npublic class Legacy {\n    @Id @GeneratedValue private Long id;\n    private String name;\n%s}\n";
        f.config("migrations.lock-budget = 100000\n");
        for (int i = 0; i < ENTITIES; i++) {
            f.deleteEntity("Item" + i);
        }
        f.entity("Legacy", legacy.formatted(""));
        try (Project p = f.project()) {
            assertThat(new AutoMigrate(p, BackupStep.NOT_AVAILABLE).run(p.models())).isInstanceOf(AutoMigrateOutcome.Applied.class);
        }
        f.sql("INSERT INTO legacy (id, name) VALUES (1, 'kept')");
        // too large to fold into the open migration: it is sealed, and the new tables and the new column come in parts,
        // the column after every new table
        f.config("migrations.lock-budget = 600\nmigrations.lock-timeout = 300ms\ndeploy.retries = 1\n");
        for (int i = 0; i < ENTITIES; i++) {
            entity(i, "");
        }
        f.entity("Legacy", legacy.formatted("    private String note;\n"));
        List<String> out = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Connection app = db.connect(); java.sql.Statement s = app.createStatement(); Project p = f.project(out::add)) {
            app.setAutoCommit(false);
            int pid = AutoMigrateTest.holderPid(s);
            // the application's transaction reads the table once the daemon has planned the parts, before it applies them
            BackupStep appReads = (connection, revision) -> {
                try {
                    s.execute("SELECT name FROM legacy");
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
                return BackupStep.Result.skipped("backups are off for this run");
            };
            Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> new AutoMigrate(p, appReads).run(p.models()));
            long applied = db.queryLong("SELECT count(*) FROM migrate_watch_history");
            long placed = f.files().values().stream().filter(text -> text.contains("(part ")).count();
            System.out.println("the daemon applied " + placed + " parts before the part that waited for the lock");
            assertThat(placed).as("the parts before the new column").isPositive();
            assertThat(applied).as("the sealed migration and the parts placed").isEqualTo(1 + placed);
            assertThat(failure).isInstanceOf(MigrationFailedException.class)
                    .hasMessageContaining("ALTER TABLE \"legacy\" ADD COLUMN \"note\"")
                    .hasMessageContaining("for a lock held by session pid " + pid)
                    .hasMessageContaining("The " + placed + " migration" + (placed == 1 ? "" : "s") + " applied before the failure stay")
                    .hasMessageEndingWith("To go back: migrate-watch downgrade --steps " + placed);
            assertThat(out).anySatisfy(line -> assertThat(line).startsWith("lock timeout: ")
                    .contains("for a lock: session pid " + pid, "(attempt 2 of 2)"));
            app.rollback();
        }
        assertThat(db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_name = 'legacy' AND column_name = 'note'"))
                .isZero();
    }
}
