package io.migratewatch.workflow;

import io.migratewatch.MigrateWatchException;
import io.migratewatch.migration.Direction;
import io.migratewatch.migration.MigrationFile;
import io.migratewatch.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link Project#lock()} as use cases (and a command that runs several of them) hold it: one lock per
 * run on its own connection, shared by use cases run inside it, released by the outermost close.
 */
class MigrationLockTest {

    private static TestDatabase db;

    @TempDir
    Path dir;

    private WorkflowFixture fx;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("mlock");
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @BeforeEach
    void fixture() throws Exception {
        fx = new WorkflowFixture(db, dir);
    }

    /** Whether a session of another process could take the migration lock of schema public right now. */
    private static boolean freeForAnotherProcess() throws SQLException {
        try (Connection other = db.connect();
             PreparedStatement ps = other.prepareStatement("SELECT pg_try_advisory_lock(3558004719074171835)")) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private void migration() throws Exception {
        Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(dir.resolve("migrations/20990101_000000_aaaaaaaaaaaa_t.sql"), """
                -- migrate-watch migration
                -- revision: aaaaaaaaaaaa
                -- parents: none
                -- description: t
                -- created: 2099-01-01T00:00:00Z
                -- generated: manual

                -- +up
                CREATE TABLE "t" ("id" integer);

                -- +down
                DROP TABLE "t";
                """);
    }

    @Test
    void aUseCaseRunInsideAnotherSharesItsLockAndOnlyTheOutermostCloseReleasesIt() throws Exception {
        migration();
        try (Project p = fx.project()) {
            try (MigrationLock outer = p.lock()) {
                assertThat(outer.waited()).isFalse();
                // an upgrade inside a command that holds the lock (as a deploy would): it neither waits for itself nor lets go
                Upgrade.Result result = new Upgrade(p, BackupStep.NOT_AVAILABLE).run("head", false);
                assertThat(result.applied()).hasSize(1);
                assertThat(freeForAnotherProcess()).as("still held after the inner use case").isFalse();
            }
            assertThat(freeForAnotherProcess()).as("released by the outermost close").isTrue();
        }
        assertThat(db.queryLong("SELECT count(*) FROM migrate_watch_history")).isEqualTo(1);
    }

    @Test
    void theRunnerRefusesOutsideTheLockAndAFailedUseCaseReleasesIt() throws Exception {
        migration();
        try (Project p = fx.project(); Connection c = p.connect()) {
            MigrationFile m = p.migrations().graph().ordered().get(0);
            assertThatThrownBy(() -> p.runner().run(c, m, Direction.UP, "upgrade"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("only under the migration lock");

            fx.sql("CREATE TABLE \"t\" (\"id\" integer)"); // makes the migration fail
            assertThatThrownBy(() -> new Upgrade(p, BackupStep.NOT_AVAILABLE).run("head", false))
                    .isInstanceOf(MigrateWatchException.class).hasMessageContaining("already exists");
            assertThat(freeForAnotherProcess()).as("released after the failure").isTrue();
        }
    }
}
