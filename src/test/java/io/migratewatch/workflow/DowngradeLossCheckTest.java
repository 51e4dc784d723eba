package io.migratewatch.workflow;

import io.migratewatch.schema.Renames;
import io.migratewatch.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Before reverting, {@code downgrade} counts what the down sections would lose. A database with no
 * row and no used sequence has nothing to lose: the down sections are not run beforehand then (a
 * long chain of them, the parts of a large model, would not fit one transaction's locks). A sequence
 * that handed out values, or a row, still makes the check run and hold the downgrade.
 */
class DowngradeLossCheckTest {

    private static TestDatabase db;

    @TempDir
    Path dir;

    private WorkflowFixture f;

    @BeforeAll
    static void database() {
        db = TestDatabase.create("downloss");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @BeforeEach
    void applied() throws Exception {
        f = new WorkflowFixture(db, dir);
        f.entity("Item", "@Entity public class Item { @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) private Long id; private String name; }\n");
        try (Project p = f.project()) {
            new Generate(p).run(new Generate.Request("items", Renames.NONE, false, false));
            new Upgrade(p, BackupStep.NOT_AVAILABLE).run(null, false);
        }
    }

    private Upgrade.Result downgradeToBase() {
        try (Project p = f.project()) {
            return new Downgrade(p, BackupStep.NOT_AVAILABLE).run(new Downgrade.Request(0, "base", false));
        }
    }

    @Test
    void anEmptyDatabaseIsRevertedWithoutAsking() throws Exception {
        assertThat(downgradeToBase().applied()).hasSize(1);
        assertThat(db.queryLong("SELECT count(*) FROM pg_tables WHERE tablename = 'item'")).isZero();
    }

    @Test
    void aSequenceThatHandedOutValuesIsStillALossThoughEveryTableIsEmpty() throws Exception {
        f.sql("SELECT nextval('item_seq')");
        var before = f.fingerprint();

        assertThatThrownBy(this::downgradeToBase).isInstanceOf(NeedsReviewException.class)
                .hasMessageContaining("downgrade would lose data").hasMessageContaining("drops sequence item_seq");
        assertThat(f.fingerprint()).isEqualTo(before);
    }

    @Test
    void aRowIsStillALoss() throws Exception {
        f.sql("INSERT INTO item (id, name) VALUES (1, 'kept')");

        assertThatThrownBy(this::downgradeToBase).isInstanceOf(NeedsReviewException.class)
                .hasMessageContaining("drops table item (1 row)");
        assertThat(db.queryLong("SELECT count(*) FROM item")).isEqualTo(1);
    }
}
