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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replicas of an application each run {@code deploy} as their release command, at the same moment, as separate
 * processes: they take turns on the migration lock, exactly one applies, the others find that it did while they waited
 * for the lock (so they overlapped), and every one exits 0. The figures are printed for the build log.
 */
class ConcurrentDeployProcessTest {

    private static final int PROCESSES = 5;
    private static final Pattern APPLIED = Pattern.compile("\\[3/4\\] upgrade +OK +applied (\\d+) migrations? in ");
    /** What a deploy says that saw migrations pending, waited for the lock, and found another deploy had applied them. */
    private static final String ANOTHER_APPLIED = "already at head cccc0000: another deploy applied the pending migrations";

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
                "CREATE TABLE \"orders\" (\"id\" bigint PRIMARY KEY);\nSELECT pg_sleep(2);", "DROP TABLE \"orders\";");
        MigrationFiles.write(migrations, "cccc00000002", "cccc00000001", "order total", 2,
                "ALTER TABLE \"orders\" ADD COLUMN \"total\" numeric(12,2);\nSELECT pg_sleep(2);",
                "ALTER TABLE \"orders\" DROP COLUMN \"total\";");
        long started = System.nanoTime();
        List<Process> processes = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            Path log = project.resolve("deploy-" + i + ".log");
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "io.migratewatch.cli.Main", "deploy")
                    .directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("MIGRATE_WATCH_ENV", "production");
            pb.environment().put("DATABASE_URL", db.jdbcUrl() + "?user=" + db.url().user());
            processes.add(pb.start());
            logs.add(log);
        }
        List<Integer> exits = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            assertThat(processes.get(i).waitFor(120, TimeUnit.SECONDS)).as("deploy %d finished", i).isTrue();
            exits.add(processes.get(i).exitValue());
            outputs.add(Files.readString(logs.get(i), StandardCharsets.UTF_8));
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        int applying = 0;
        int migrationsApplied = 0;
        int waitedForTheOther = 0;
        for (String out : outputs) {
            Matcher m = APPLIED.matcher(out);
            if (m.find()) {
                applying++;
                migrationsApplied += Integer.parseInt(m.group(1));
            }
            if (out.contains(ANOTHER_APPLIED)) {
                waitedForTheOther++;
            }
        }
        long historyRows = db.queryLong("select count(*) from migrate_watch_history");
        System.out.println(("concurrent deploy: %d processes started, %d migrations applied (of 2; history rows %d) by %d of them,"
                + " %d found them applied by another deploy while they waited, exit codes %s, %d ms")
                .formatted(PROCESSES, migrationsApplied, historyRows, applying, waitedForTheOther, exits, millis));

        for (int i = 0; i < PROCESSES; i++) {
            String out = outputs.get(i);
            assertThat(exits.get(i)).as("deploy %d:%n%s", i, out).isZero();
            assertThat(out).as("deploy %d", i).contains("DEPLOYED cccc00000002");
            // each either applied both, or saw both pending at its check and found them applied once it had the lock
            assertThat(APPLIED.matcher(out).find() != out.contains(ANOTHER_APPLIED)).as("deploy %d:%n%s", i, out).isTrue();
        }
        assertThat(applying).as("exactly one deploy applies").isEqualTo(1);
        assertThat(migrationsApplied).isEqualTo(2);
        assertThat(waitedForTheOther).as("the other four overlapped with it: they waited for the lock while it applied")
                .isEqualTo(PROCESSES - 1);
        assertThat(historyRows).isEqualTo(2);
    }
}
