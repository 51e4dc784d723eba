package io.migratewatch.workflow;

import io.migratewatch.diff.SchemaDiff;
import io.migratewatch.migration.MigrationFile;
import io.migratewatch.migration.MigrationState;
import io.migratewatch.schema.Renames;
import io.migratewatch.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A migration that needs more locks than one transaction may take (here made small with
 * {@code migrations.lock-budget}; on a stock server it takes about a thousand new tables): it is cut
 * into migrations that each fit, chained, sealed, proven in order, and applied and reverted one by one.
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
            }
            assertThat(db.queryLong("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))
                    .as("generate applies nothing").isZero();
            assertThat(scratchDatabases()).as("the scratch database of the proof is gone").isEqualTo(scratchBefore);

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
}
