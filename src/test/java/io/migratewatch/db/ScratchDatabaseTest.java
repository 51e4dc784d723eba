package io.migratewatch.db;

import io.migratewatch.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Scratch databases: gone after use, and those a killed process left behind are dropped by the next one. */
class ScratchDatabaseTest {

    private static TestDatabase db;

    @BeforeAll
    static void database() {
        db = TestDatabase.create("scratch");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    private static long exists(String name) {
        return db.queryLong("SELECT count(*) FROM pg_database WHERE datname = '" + name + "'");
    }

    @Test
    void aScratchDatabaseIsDroppedAfterUseAndOldLeftoversWithItsNext() throws Exception {
        String old = "migrate_watch_scratch_" + Instant.now().minusSeconds(7200).getEpochSecond() + "_0ld0ld00";
        String recent = "migrate_watch_scratch_" + Instant.now().minusSeconds(60).getEpochSecond() + "_n0wn0w00";
        db.execute("CREATE DATABASE " + old, "CREATE DATABASE " + recent);
        try {
            String used;
            try (ScratchDatabase scratch = ScratchDatabase.beside(new Database(db.url()))) {
                used = scratch.name();
                assertThat(exists(used)).isEqualTo(1);
                try (var c = scratch.connect()) {
                    assertThat(c.isValid(5)).isTrue();
                }
            }
            assertThat(exists(used)).as("dropped on close").isZero();
            assertThat(exists(old)).as("left over two hours ago by a killed process").isZero();
            assertThat(exists(recent)).as("maybe still in use by another process").isEqualTo(1);
        } finally {
            db.execute("DROP DATABASE IF EXISTS " + old, "DROP DATABASE IF EXISTS " + recent);
        }
    }
}
