package io.migratewatch.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.migratewatch.diff.AddForeignKey;
import io.migratewatch.diff.AlterColumnNullability;
import io.migratewatch.diff.Change;
import io.migratewatch.diff.CreateIndex;
import io.migratewatch.migration.AdvisoryLock;
import io.migratewatch.migration.Direction;
import io.migratewatch.migration.HistoryTable;
import io.migratewatch.migration.LockLimits;
import io.migratewatch.migration.MigrationDirectory;
import io.migratewatch.migration.MigrationFile;
import io.migratewatch.migration.MigrationRunner;
import io.migratewatch.schema.ForeignKey;
import io.migratewatch.schema.Index;
import io.migratewatch.schema.IndexColumn;
import io.migratewatch.support.TestDatabase;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real application workload — a session that keeps reading and updating rows of a million-row table — while an
 * index build, a foreign key and a NOT NULL are applied to that table, written plain and written lock-safe. Prints
 * the workload's longest query wait for each, and holds the lock-safe ones well under lock_timeout.
 */
class LiveWorkloadTest {

    private static final int ROWS = 1_000_000;
    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(5);

    private static TestDatabase db;

    @TempDir
    Path tmp;

    @BeforeAll
    static void createTable() {
        db = TestDatabase.create("liveworkload");
        db.execute("CREATE TABLE parent (id bigint PRIMARY KEY)",
                "INSERT INTO parent SELECT g FROM generate_series(1, 1000) g",
                "CREATE TABLE item (id bigint PRIMARY KEY, parent_id bigint, code integer, label text)",
                "INSERT INTO item SELECT g, 1 + g % 1000, g % 9973, 'item ' || g FROM generate_series(1, " + ROWS + ") g",
                "VACUUM ANALYZE item");
    }

    @AfterAll
    static void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    private final SqlRenderer renderer = new SqlRenderer("public");
    private final HistoryTable history = new HistoryTable("public", "migrate_watch_history");
    private int revisions;

    private static final Map<String, Change> CHANGES = new LinkedHashMap<>();

    static {
        CHANGES.put("index", new CreateIndex("item", new Index("ix_item_code", List.of(IndexColumn.of("code")), false, null)));
        CHANGES.put("foreign key", new AddForeignKey("item", new ForeignKey("fk_item_parent", List.of("parent_id"), "parent",
                List.of("id"), null)));
        CHANGES.put("not null", new AlterColumnNullability("item", "label", false));
    }

    @Test
    void theWorkloadWaitsFarLessThanLockTimeoutWhileLockSafeMigrationsRunAndTheyComplete() throws Exception {
        Map<String, long[]> figures = new LinkedHashMap<>();
        for (Map.Entry<String, Change> e : CHANGES.entrySet()) {
            long plain = longestWait(e.getValue(), false);
            long safe = longestWait(e.getValue(), true);
            figures.put(e.getKey(), new long[] {plain, safe});
        }
        System.out.printf("%nLongest query wait of the workload on a %,d-row table (ms):%n%-12s %8s %10s%n", ROWS, "change", "plain",
                "lock-safe");
        figures.forEach((k, v) -> System.out.printf("%-12s %8d %10d%n", k, v[0], v[1]));
        figures.forEach((k, v) -> assertThat(v[1]).as("lock-safe " + k).isLessThan(LOCK_TIMEOUT.toMillis() / 5));
    }

    /** Applies the change (and then reverts it) while the workload runs; the workload's longest query during the up. */
    private long longestWait(Change change, boolean lockSafe) throws Exception {
        String up = lockSafe ? LockSafeScript.script(renderer, List.of(change)) : renderer.script(List.of(change));
        String down = lockSafe ? LockSafeScript.script(renderer, List.of(change.reverse())) : renderer.script(List.of(change.reverse()));
        String revision = String.format("eeee%08d", ++revisions);
        MigrationFile m = new MigrationDirectory(tmp).write(new MigrationFile(null, revision, List.of(), "live " + revisions,
                Instant.parse("2026-08-19T14:30:22Z"), "auto", up, down, 0, 0));
        try (Connection lock = db.connect(); Connection c = db.connect()) {
            MigrationRunner runner = new MigrationRunner(history, new AdvisoryLock("public", Duration.ofSeconds(10)).acquire(lock));
            if (lockSafe) {
                runner = runner.withLimits(new LockLimits(LOCK_TIMEOUT, Duration.ZERO, 3), "public", line -> { });
            }
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong longest = new AtomicLong();
            AtomicLong queries = new AtomicLong();
            java.util.concurrent.atomic.AtomicReference<Throwable> failed = new java.util.concurrent.atomic.AtomicReference<>();
            Thread workload = new Thread(() -> work(stop, longest, queries));
            workload.setUncaughtExceptionHandler((t, x) -> failed.set(x));
            workload.start();
            Thread.sleep(300);
            longest.set(0);
            long start = System.nanoTime();
            runner.run(c, m, Direction.UP, "upgrade");
            long ms = (System.nanoTime() - start) / 1_000_000;
            // a query the migration held finishes after it: stopped and joined first, so that its wait counts
            stop.set(true);
            workload.join();
            long worst = longest.get();
            assertThat(failed.get()).as("the workload's queries all succeed").isNull();
            System.out.printf("%s %s: migration %d ms, %d workload queries, longest %d ms%n", lockSafe ? "lock-safe" : "plain", change.describe(),
                    ms, queries.get(), worst);
            assertThat(db.queryLong("SELECT count(*) FROM migrate_watch_history WHERE revision = '" + revision + "'")).isEqualTo(1);
            runner.run(c, m, Direction.DOWN, "downgrade");
            return worst;
        }
    }

    /** The application: reads a row by key, updates another, again and again; each query's time is a wait it saw. */
    private static void work(AtomicBoolean stop, AtomicLong longest, AtomicLong queries) {
        try (Connection app = db.connect();
             PreparedStatement read = app.prepareStatement("SELECT label FROM item WHERE id = ?");
             PreparedStatement write = app.prepareStatement("UPDATE item SET code = code + 1 WHERE id = ?")) {
            while (!stop.get()) {
                long t = System.nanoTime();
                read.setLong(1, ThreadLocalRandom.current().nextLong(1, ROWS + 1));
                try (ResultSet rs = read.executeQuery()) {
                    rs.next();
                }
                write.setLong(1, ThreadLocalRandom.current().nextLong(1, ROWS + 1));
                write.executeUpdate();
                long ms = (System.nanoTime() - t) / 1_000_000;
                longest.accumulateAndGet(ms, Math::max);
                queries.incrementAndGet();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
