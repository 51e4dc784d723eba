package io.migratewatch.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Prints how long the daemon's model update takes after a save, on the project {@link ModelAtScaleTest}
 * checks (1,000 entities by default; give other counts as arguments): the full scan, the first model, and,
 * after 30 warm-up edits (a running daemon's JIT is warm), the medians, 95th percentiles and maxima of 25
 * one-file {@code update + model()} and of {@code model()} alone. Goal: both medians under 50 ms at 1,000
 * entities. Run as described in the README; not a test.
 */
public final class ModelUpdateBenchmark {

    private static final int WARM_UP = 30;
    private static final int SAMPLES = 25;

    public static void main(String[] args) throws IOException {
        int[] sizes = args.length > 0 ? Arrays.stream(args).mapToInt(Integer::parseInt).toArray() : new int[] {ModelAtScaleTest.ENTITIES};
        System.out.printf("%-9s %10s %12s   %-32s   %-32s%n", "entities", "scan", "first model",
                "update + model(): median/p95/max", "model() alone: median/p95/max");
        for (int n : sizes) {
            run(n);
        }
    }

    private static void run(int n) throws IOException {
        Path root = Files.createTempDirectory("mw-model-bench");
        try {
            Sources s = new Sources(root);
            Path[] files = ModelAtScaleTest.writeProject(s, n);

            long t0 = System.nanoTime();
            SourceIndex index = s.scan();
            long t1 = System.nanoTime();
            ParsedModel first = index.model();
            long t2 = System.nanoTime();
            if (first.schema().tables().size() != n || !first.warnings().isEmpty()) {
                throw new IllegalStateException("the benchmark project does not map to " + n + " tables: " + first.warnings());
            }

            for (int round = 0; round < WARM_UP; round++) {
                int i = (round * 29) % n;
                write(s, n, i, "warm" + round);
                index.update(files[i]);
                index.model();
            }
            double[] updateAndModel = new double[SAMPLES];
            for (int round = 0; round < SAMPLES; round++) {
                int i = (round * 37) % n;
                String column = "extra" + round;
                write(s, n, i, column);
                long start = System.nanoTime();
                index.update(files[i]);
                ParsedModel m = index.model();
                updateAndModel[round] = ms(start);
                if (m.schema().table("entity" + i).flatMap(t -> t.column(column)).isEmpty()) {
                    throw new IllegalStateException("entity" + i + " did not get its new column");
                }
            }
            double[] modelOnly = new double[SAMPLES];
            for (int round = 0; round < SAMPLES; round++) {
                int i = (round * 53) % n;
                write(s, n, i, "other" + round);
                index.update(files[i]);
                long start = System.nanoTime();
                index.model();
                modelOnly[round] = ms(start);
            }
            System.out.printf("%-9d %7.0f ms %9.0f ms   %-32s   %-32s%n", n, (t1 - t0) / 1e6, (t2 - t1) / 1e6,
                    figures(updateAndModel), figures(modelOnly));
        } finally {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Rewrites entity {@code i} with one extra field, as a save in the editor would (not timed). */
    private static void write(Sources s, int n, int i, String field) {
        s.write(ModelAtScaleTest.entityFile(i).toString(), ModelAtScaleTest.entity(i, n, "    private String " + field + ";"));
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1_000_000.0;
    }

    private static String figures(double[] samples) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        double p95 = sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.95) - 1)];
        return String.format("%.1f / %.1f / %.1f ms", sorted[sorted.length / 2], p95, sorted[sorted.length - 1]);
    }
}
