package io.migratewatch;

import io.migratewatch.config.SettingsLoader;
import io.migratewatch.db.DatabaseUrl;
import io.migratewatch.diff.SchemaDiff;
import io.migratewatch.schema.Schema;
import io.migratewatch.sql.SqlRenderer;
import io.migratewatch.support.SyntheticModel;
import io.migratewatch.workflow.Project;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The cold start of {@link ScaleBenchmark}, repeated, for its spread: {@code generate} + {@code upgrade} of synthetic
 * entities into an empty database, as the user runs them, beside {@code psql} running the same statements in another
 * empty database; each round in fresh databases, with the project's migrations removed. Prints each round and the
 * median of the ratios. Arguments: the entity count (1,000) and the rounds (8). The first run of a command after a
 * build also writes the launcher's class archive for it: run the benchmark once before reading its figures.
 */
public final class ColdStartBenchmark {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        DatabaseUrl server = ScaleBenchmark.server();
        Path project = Files.createTempDirectory("mw-coldstart");
        SyntheticModel.write(project.resolve("src/main/java"), n);
        Files.writeString(project.resolve("watcher.conf"), "models.paths = [\"src/main/java\"]\nnotify.desktop = false\n");
        Schema want;
        try (Project p = new Project(SettingsLoader.load(null, project, Map.of("DATABASE_URL", server.jdbcUrl()), null), line -> { })) {
            want = p.models().schema();
        }
        Path ddl = project.resolve("schema.sql");
        Files.writeString(ddl, new SqlRenderer("public").script(SchemaDiff.between(Schema.EMPTY, want).changes()));

        System.out.printf("%d entities, %d rounds%n%-6s %9s %9s %9s %9s %7s%n", n, rounds, "round", "generate", "upgrade", "total",
                "psql", "÷psql");
        List<Double> ratios = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            removeMigrations(project);
            DatabaseUrl db = ScaleBenchmark.createDatabase(server, "cold");
            LauncherRun generate = LauncherRun.of(project, db, 0, "generate", "initial");
            LauncherRun upgrade = LauncherRun.of(project, db, 0, "upgrade");
            ScaleBenchmark.dropDatabase(server, db);
            double floor = ScaleBenchmark.psql(server, ddl);
            double total = generate.seconds() + upgrade.seconds();
            ratios.add(total / floor);
            System.out.printf("%-6d %8.2fs %8.2fs %8.2fs %8.2fs %6.2f×%n", round, generate.seconds(), upgrade.seconds(), total, floor,
                    total / floor);
        }
        List<Double> sorted = ratios.stream().sorted().toList();
        System.out.printf("÷psql: min %.2f×, median %.2f×, max %.2f×%n", sorted.get(0), sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() - 1));
        System.exit(0);
    }

    private static void removeMigrations(Path project) throws Exception {
        for (String dir : List.of("migrations", ".migrate-watch", "backups")) {
            Path path = project.resolve(dir);
            if (Files.exists(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }
}
