package io.migratewatch;

import io.migratewatch.db.DatabaseUrl;
import io.migratewatch.source.WholeApplicationBenchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The short commands through {@code daemon/migrate-watch}, with its own JVM options: wall time and CPU time (user + sys),
 * medians of 5 after one run that writes the class archive and the kept replay.
 * <ul>
 *   <li>{@code example}: {@code status}, {@code status --check}, {@code diff}, {@code check}, {@code check --offline} on the
 *       example project of this repository;</li>
 *   <li>{@code sourceroot}: {@code diff} on a 2,040-file source root with 96 entities (the pet store of
 *       {@link WholeApplicationBenchmark} 40 times, entities in 12 copies).</li>
 * </ul>
 * Run from the repository with {@code mvn -B -q package -DskipTests && mvn -B -q test-compile exec:java
 * -Dexec.mainClass=io.migratewatch.ShortCommandBenchmark} (one mode as argument); not a test. Each mode works in a
 * database of its own on the server of MIGRATE_WATCH_TEST_DATABASE_URL (127.0.0.1:5432 by default), dropped at the end.
 * Needs {@code target/migrate-watch.jar}, GNU time ({@code /usr/bin/time}) and, for {@code check --offline}, the
 * embedded PostgreSQL.
 */
public final class ShortCommandBenchmark {

    private static final int ROUNDS = 5;

    public static void main(String[] args) throws Exception {
        List<String> modes = args.length > 0 ? List.of(args) : List.of("example", "sourceroot");
        System.out.printf("%d cores, load average %s%n", Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0]);
        System.out.printf("%-34s %10s %10s%n", "command", "wall", "cpu");
        DatabaseUrl server = ScaleBenchmark.server();
        for (String mode : modes) {
            DatabaseUrl db = ScaleBenchmark.createDatabase(server, "short");
            try {
                switch (mode) {
                    case "example" -> example(db);
                    case "sourceroot" -> sourceRoot(db);
                    default -> throw new IllegalArgumentException("modes: example, sourceroot; not " + mode);
                }
            } finally {
                ScaleBenchmark.dropDatabase(server, db);
            }
        }
        System.out.printf("load average %s%n", Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0]);
        System.exit(0);
    }

    private static void example(DatabaseUrl db) throws Exception {
        Path project = LauncherRun.LAUNCHER.getParent().getParent();
        LauncherRun.of(project, db, 1, "upgrade");
        for (String command : List.of("status", "status --check", "diff", "check", "check --offline")) {
            measure("example: " + command, project, db, command.split(" "));
        }
    }

    private static void sourceRoot(DatabaseUrl db) throws Exception {
        Path project = Files.createTempDirectory("mw-short");
        try {
            int copies = 40;
            int withEntities = 12;
            WholeApplicationBenchmark.write(project, copies, withEntities);
            Files.writeString(project.resolve("watcher.conf"), """
                    models.paths = ["app/src/main/java"]
                    migrations.dir = "migrations"
                    backup.enabled = false
                    """);
            LauncherRun.of(project, db, 1, "generate", "initial");
            LauncherRun.of(project, db, 1, "upgrade");
            long files;
            try (Stream<Path> walk = Files.walk(project.resolve("app/src/main/java"))) {
                files = walk.filter(p -> p.toString().endsWith(".java")).count();
            }
            measure("diff: " + files + " files, " + withEntities * WholeApplicationBenchmark.entitiesPerCopy() + " entities",
                    project, db, "diff");
        } finally {
            try (Stream<Path> walk = Files.walk(project)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** One warm-up run (the class archive, the kept replay), then the medians of {@link #ROUNDS}. */
    private static void measure(String label, Path project, DatabaseUrl db, String... args) throws Exception {
        LauncherRun.of(project, db, 1, args);
        double[] wall = new double[ROUNDS];
        double[] cpu = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            // exit codes 0 and 1 (changes found) are both a run
            LauncherRun run = LauncherRun.of(project, db, 1, args);
            wall[i] = run.seconds();
            cpu[i] = run.cpuSeconds();
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf("%-34s %8.2f s %8.2f s%n", label, wall[ROUNDS / 2], cpu[ROUNDS / 2]);
    }
}
