package io.migratewatch.watch;

import io.migratewatch.config.Settings;
import io.migratewatch.config.SettingsLoader;
import io.migratewatch.notify.EventKind;
import io.migratewatch.notify.Notification;
import io.migratewatch.notify.Notifier;
import io.migratewatch.support.SyntheticModel;
import io.migratewatch.support.TestDatabase;
import io.migratewatch.workflow.BackupStep;
import io.migratewatch.workflow.Project;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Edit-to-applied latency of the real daemon minus its quiet period: for 10 and 100 entities whose
 * schema is applied and its migration committed to git, 25 edits each (a new field on one entity;
 * the first starts a migration, the rest fold into it), timed from the file write to the
 * "✓ Migration applied" notification. Prints median and 95th percentile. Run as described in the
 * README; not a test.
 */
public final class DaemonLatencyBenchmark {

    private static final int EDITS = 25;
    private static final long QUIET_MS = 500;

    /** Milliseconds from the write to the notification, minus the quiet period. */
    public record Latency(double median, double p95, double max) {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("%-9s %6s %14s %14s %12s%n", "entities", "edits", "median", "p95", "max");
        for (int n : args.length > 0 ? java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray() : new int[] {10, 100}) {
            Latency l = measure(n);
            System.out.printf("%-9d %6d %11.0f ms %11.0f ms %9.0f ms%n", n, EDITS, l.median(), l.p95(), l.max());
        }
        System.exit(0);
    }

    private static void git(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString(), "-c", "user.name=bench", "-c", "user.email=b@example.com"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + " failed");
        }
    }

    /** The edit loop at {@code n} synthetic entities, on a database of its own on the test server. */
    public static Latency measure(int n) throws Exception {
        Path project = Files.createTempDirectory("mw-latency");
        SyntheticModel model = SyntheticModel.write(project.resolve("src/main/java"), n);
        Files.writeString(project.resolve("watcher.conf"), "models.paths = [\"src/main/java\"]\nwatcher.debounce = " + QUIET_MS + "ms\n"
                + "notify.desktop = false\nnotify.terminal = false\n");
        BlockingQueue<Long> applied = new LinkedBlockingQueue<>();
        Notifier timing = (Notification note) -> {
            if (note.kind() == EventKind.APPLIED) {
                applied.add(System.nanoTime());
            } else if (note.kind() != EventKind.INFO) {
                System.err.println("unexpected: " + note);
            }
        };
        try (TestDatabase db = TestDatabase.create("latency" + n)) {
            Settings settings = SettingsLoader.load(null, project, Map.of(), db.jdbcUrl() + "?user=" + db.url().user());
            Project mw = new Project(settings, line -> { });
            Daemon daemon = new Daemon(mw, timing, BackupStep.NOT_AVAILABLE);
            Thread thread = new Thread(() -> {
                try {
                    daemon.run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            thread.start();
            if (applied.poll(120, TimeUnit.SECONDS) == null) {
                throw new IllegalStateException("the initial schema was not applied");
            }
            git(project, "init", "-q");
            git(project, "add", "migrations");
            git(project, "commit", "-q", "-m", "schema");
            List<Double> latencies = new ArrayList<>();
            StringBuilder fields = new StringBuilder();
            for (int edit = 0; edit < EDITS; edit++) {
                Thread.sleep(300);
                fields.append("    private String extra").append(edit).append(";\n");
                long written = System.nanoTime();
                model.writeEntity(n / 2, fields.toString());
                Long done = applied.poll(60, TimeUnit.SECONDS);
                if (done == null) {
                    throw new IllegalStateException("edit " + edit + " was not applied within 60 s");
                }
                latencies.add((done - written) / 1_000_000.0 - QUIET_MS);
            }
            daemon.stop(10_000);
            mw.close();
            latencies.sort(null);
            return new Latency(latencies.get(latencies.size() / 2), latencies.get((int) Math.ceil(latencies.size() * 0.95) - 1),
                    latencies.get(latencies.size() - 1));
        }
    }
}
