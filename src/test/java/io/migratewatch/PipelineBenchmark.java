package io.migratewatch;

import io.migratewatch.diff.SchemaDiff;
import io.migratewatch.introspect.SchemaInspector;
import io.migratewatch.schema.Schema;
import io.migratewatch.source.MappingOptions;
import io.migratewatch.source.Naming;
import io.migratewatch.source.SourceIndex;
import io.migratewatch.sql.SqlRenderer;
import io.migratewatch.support.TestDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Prints, for 10, 100 and 1,000 synthetic entities: full parse, one-file re-parse, introspection
 * of the matching database and diff time (medians). Run as described in the README; not a test.
 */
public final class PipelineBenchmark {

    private static final int REPEAT = 15;

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length > 0 ? Arrays.stream(args).mapToInt(Integer::parseInt).toArray() : new int[] {10, 100, 1000};
        System.out.printf("%-9s %12s %14s %14s %10s %18s%n", "entities", "full parse", "re-parse 1", "introspect", "diff", "re-parse+diff");
        for (int n : sizes) {
            run(n);
        }
        System.exit(0);
    }

    private static void run(int n) throws Exception {
        Path root = Files.createTempDirectory("mw-bench");
        Path pkg = Files.createDirectories(root.resolve("bench"));
        Files.writeString(pkg.resolve("Status.java"), "package bench;\npublic enum Status { NEW, ACTIVE, CLOSED }\n");
        Files.writeString(pkg.resolve("BaseEntity.java"), """
                package bench;
                import jakarta.persistence.*;
                @MappedSuperclass
                public abstract class BaseEntity {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                    private java.time.Instant createdAt;
                }
                """);
        for (int i = 0; i < n; i++) {
            Files.writeString(pkg.resolve("Entity" + i + ".java"), entity(i, false));
        }
        MappingOptions options = new MappingOptions(Naming.SPRING, 7);

        long t0 = System.nanoTime();
        SourceIndex index = SourceIndex.scan(List.of(root), options);
        Schema want = index.model().schema();
        double fullParse = ms(t0);

        try (TestDatabase db = TestDatabase.create("bench" + n); Connection c = db.connect()) {
            try (Statement s = c.createStatement()) {
                for (String sql : new SqlRenderer("public").render(SchemaDiff.between(Schema.EMPTY, want).changes())) {
                    s.execute(sql);
                }
            }
            SchemaInspector inspector = new SchemaInspector("public", "migrate_watch_history");
            List<Double> introspect = new ArrayList<>();
            Schema have = null;
            for (int i = 0; i < REPEAT; i++) {
                long t = System.nanoTime();
                have = inspector.inspect(c);
                introspect.add(ms(t));
            }
            List<Double> diff = new ArrayList<>();
            for (int i = 0; i < REPEAT; i++) {
                long t = System.nanoTime();
                SchemaDiff.between(have, want);
                diff.add(ms(t));
            }
            List<Double> reparse = new ArrayList<>();
            List<Double> reparseDiff = new ArrayList<>();
            Path changed = pkg.resolve("Entity" + (n / 2) + ".java");
            for (int i = 0; i < REPEAT; i++) {
                Files.writeString(changed, entity(n / 2, i % 2 == 0));
                long t = System.nanoTime();
                index.update(changed);
                Schema model = index.model().schema();
                reparse.add(ms(t));
                SchemaDiff.between(have, model);
                reparseDiff.add(ms(t));
            }
            System.out.printf("%-9d %9.1f ms %11.2f ms %11.1f ms %7.2f ms %15.2f ms%n", n, fullParse, median(reparse),
                    median(introspect), median(diff), median(reparseDiff));
        }
    }

    private static String entity(int i, boolean extraField) {
        String target = i == 0 ? "" : "    @ManyToOne private Entity" + (i - 1) + " parent;\n";
        return "package bench;\nimport jakarta.persistence.*;\n"
                + "@Entity @Table(name = \"entity_" + i + "\", indexes = @Index(columnList = \"code\"))\n"
                + "public class Entity" + i + " extends BaseEntity {\n"
                + "    @Column(nullable = false, length = 40, unique = true) private String code;\n"
                + "    private String name;\n    private java.math.BigDecimal amount;\n    private int quantity;\n"
                + "    @Enumerated(EnumType.STRING) private Status status;\n    private java.time.LocalDate dueOn;\n"
                + target + (extraField ? "    private String extra;\n" : "") + "}\n";
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1_000_000.0;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
