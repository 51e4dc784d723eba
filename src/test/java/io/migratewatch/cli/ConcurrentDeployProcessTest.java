package io.migratewatch.cli;

import io.migratewatch.support.MigrationFiles;
import io.migratewatch.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replicas of an application each run {@code deploy} as their release command, at the same moment, as separate
 * processes: they take turns on the migration lock, exactly one applies, and every one exits 0.
 */
class ConcurrentDeployProcessTest {

    private static TestDatabase db;

    @TempDir
    Path project;

    @BeforeAll
    static void database() {
        db = TestDatabase.create("deploy5");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void fiveDeploysAtOnceApplyOnceAndAllSucceed() throws Exception {
        Files.writeString(project.resolve("watcher.conf"), "migrations.dir = \"migrations\"\nmodels.paths = [\"src\"]\n");
        Path migrations = project.resolve("migrations");
        // slow enough that the five overlap: the first holds the lock while the others arrive
        MigrationFiles.write(migrations, "cccc00000001", null, "orders", 1,
                "CREATE TABLE \"orders\" (\"id\" bigint PRIMARY KEY);\nSELECT pg_sleep(1);", "DROP TABLE \"orders\";");
        MigrationFiles.write(migrations, "cccc00000002", "cccc00000001", "order total", 2,
                "ALTER TABLE \"orders\" ADD COLUMN \"total\" numeric(12,2);\nSELECT pg_sleep(1);",
                "ALTER TABLE \"orders\" DROP COLUMN \"total\";");
        List<Process> processes = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Path log = project.resolve("deploy-" + i + ".log");
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "io.migratewatch.cli.Main", "deploy")
                    .directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("MIGRATE_WATCH_ENV", "production");
            pb.environment().put("DATABASE_URL", db.jdbcUrl() + "?user=" + db.url().user());
            processes.add(pb.start());
            logs.add(log);
        }
        int applying = 0;
        for (int i = 0; i < 5; i++) {
            assertThat(processes.get(i).waitFor(120, TimeUnit.SECONDS)).as("deploy %d finished", i).isTrue();
            String out = Files.readString(logs.get(i), StandardCharsets.UTF_8);
            assertThat(processes.get(i).exitValue()).as("deploy %d:%n%s", i, out).isZero();
            assertThat(out).contains("DEPLOYED cccc00000002");
            if (out.contains("[3/4] upgrade  OK       applied 2 migrations")) {
                applying++;
            }
        }
        assertThat(applying).as("exactly one deploy applies").isEqualTo(1);
        assertThat(db.queryLong("select count(*) from migrate_watch_history")).isEqualTo(2);
    }
}
