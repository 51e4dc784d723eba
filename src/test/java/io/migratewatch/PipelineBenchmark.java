package io.migratewatch;

import io.migratewatch.diff.SchemaDiff;
import io.migratewatch.introspect.SchemaInspector;
import io.migratewatch.schema.Schema;
import io.migratewatch.source.MappingOptions;
import io.migratewatch.source.Naming;
import io.migratewatch.source.SourceIndex;
import io.migratewatch.sql.SqlRenderer;
import io.migratewatch.support.SyntheticModel;
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
        SyntheticModel synthetic = SyntheticModel.write(root, n);
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
            for (int i = 0; i < REPEAT; i++) {
                Path changed = synthetic.writeEntity(n / 2, i % 2 == 0 ? "    private String extra;" : "");
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

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1_000_000.0;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
