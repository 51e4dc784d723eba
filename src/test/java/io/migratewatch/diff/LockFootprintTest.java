package io.migratewatch.diff;

import io.migratewatch.db.LockTable;
import io.migratewatch.schema.Schema;
import io.migratewatch.source.MappingOptions;
import io.migratewatch.source.Naming;
import io.migratewatch.source.SourceIndex;
import io.migratewatch.sql.SqlRenderer;
import io.migratewatch.support.SyntheticModel;
import io.migratewatch.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lock estimate against the locks PostgreSQL really takes: it must never be below them (or a
 * part planned to fit would run out of shared memory), and not so far above that migrations are cut
 * into needlessly many parts.
 */
class LockFootprintTest {

    private static TestDatabase db;

    @TempDir
    static Path sources;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("locks");
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    private static Schema synthetic(int entities) throws Exception {
        Path root = sources.resolve("e" + entities);
        SyntheticModel.write(root, entities);
        return SourceIndex.scan(List.of(root), new MappingOptions(Naming.SPRING, 7)).model().schema();
    }

    /** Runs the changes in one transaction and counts the lock-table entries it holds before rolling back. */
    private static int locksHeld(List<Change> changes) throws SQLException {
        return locksHeld(changes, List.of());
    }

    /** The entries held after running {@code changes} and then {@code more} in one transaction, as the proof does. */
    private static int locksHeld(List<Change> changes, List<Change> more) throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String sql : new SqlRenderer("public").render(changes)) {
                    s.execute(sql);
                }
                for (String sql : new SqlRenderer("public").render(more)) {
                    s.execute(sql);
                }
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_locks WHERE pid = pg_backend_pid() AND NOT fastpath")) {
                    rs.next();
                    return rs.getInt(1);
                }
            } finally {
                c.rollback();
            }
        }
    }

    @Test
    void theEstimateIsAtLeastTheLocksAnInitialSchemaTakes() throws Exception {
        Schema want = synthetic(120);
        List<Change> create = SchemaDiff.between(Schema.EMPTY, want).changes();
        int estimate = LockFootprint.of(create, Schema.EMPTY, want);
        int held = locksHeld(create);
        System.out.printf("120 synthetic entities: %d lock-table entries held, %d estimated%n", held, estimate);
        assertThat(estimate).isGreaterThanOrEqualTo(held);
    }

    @Test
    void theEstimateCoversAProofThatRunsUpAndThenDownInOneTransactionWithoutCuttingNeedlessly() throws Exception {
        Schema want = synthetic(100);
        SchemaDiff.Result create = SchemaDiff.between(Schema.EMPTY, want);
        int estimate = LockFootprint.of(create.changes(), Schema.EMPTY, want);
        int held = locksHeld(create.changes(), create.reversed());
        System.out.printf("100 synthetic entities, up then down: %d lock-table entries held, %d estimated%n", held, estimate);
        // an index or constraint added to a table created in the same migration is counted twice: about 1.5× in all
        assertThat(estimate).isGreaterThanOrEqualTo(held).isLessThanOrEqualTo(held * 8 / 5);
    }

    @Test
    void dropsAreEstimatedFromTheSchemaTheyStartFrom() throws Exception {
        Schema have = synthetic(60);
        List<Change> create = SchemaDiff.between(Schema.EMPTY, have).changes();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String sql : new SqlRenderer("public").render(create)) {
                s.execute(sql);
            }
        }
        try {
            List<Change> drop = SchemaDiff.between(have, Schema.EMPTY).changes();
            int estimate = LockFootprint.of(drop, have, Schema.EMPTY);
            int held = locksHeld(drop);
            System.out.printf("dropping 60 synthetic entities: %d lock-table entries held, %d estimated%n", held, estimate);
            assertThat(estimate).isGreaterThanOrEqualTo(held);
        } finally {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                for (String sql : new SqlRenderer("public").render(SchemaDiff.between(have, Schema.EMPTY).changes())) {
                    s.execute(sql);
                }
            }
        }
    }

    @Test
    void eachPartOfASplitFitsItsBudget() throws Exception {
        Schema want = synthetic(200);
        List<Change> create = SchemaDiff.between(Schema.EMPTY, want).changes();
        int budget = 1_000;
        List<List<Change>> parts = MigrationSplit.within(create, Schema.EMPTY, want, budget);
        assertThat(parts).hasSizeGreaterThan(1);
        assertThat(parts.stream().flatMap(List::stream).toList()).isEqualTo(create);
        for (List<Change> part : parts) {
            assertThat(LockFootprint.of(part, Schema.EMPTY, want)).isLessThanOrEqualTo(budget);
        }
        System.out.printf("200 synthetic entities, budget %d: %d parts%n", budget, parts.size());
    }

    @Test
    void aMigrationMayTakeThreeQuartersOfTheServersLockTable() throws SQLException {
        try (Connection c = db.connect()) {
            LockTable table = LockTable.read(c);
            assertThat(table.capacity()).isEqualTo(table.maxLocksPerTransaction() * (table.maxConnections() + table.maxPreparedTransactions()));
            assertThat(table.migrationBudget()).isEqualTo(table.capacity() * 3 / 4);
        }
    }
}
