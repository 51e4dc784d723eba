package io.migratewatch.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What pointing models.paths at a whole application costs against pointing it at the entity folder:
 * the pet store of {@link WholeApplicationTest} copied N times into sibling packages (default 1 and
 * 40 copies), scan + first model (median of 5) and the heap the index keeps. Run with
 * {@code mvn -B -q test-compile exec:java -Dexec.mainClass=io.migratewatch.source.WholeApplicationBenchmark}
 * (other copy counts as arguments); not a test.
 */
public final class WholeApplicationBenchmark {

    private static final int ROUNDS = 5;

    public static void main(String[] args) throws IOException {
        int[] copies = args.length > 0 ? Stream.of(args).mapToInt(Integer::parseInt).toArray() : new int[] {1, 40};
        System.out.printf("%-7s %-20s %7s %9s %14s %12s%n", "copies", "models.paths", "files", "entities", "scan + model", "index heap");
        for (int n : copies) {
            Path root = Files.createTempDirectory("mw-app-bench");
            try {
                Path java = write(root, n);
                measure(n, "src/main/java", java);
                // the same entities with nothing around them
                Path domainOnly = root.resolve("domain-only");
                try (Stream<Path> walk = Files.walk(java)) {
                    for (Path p : walk.filter(p -> p.toString().contains("/domain/") && p.toString().endsWith(".java")).toList()) {
                        Path to = domainOnly.resolve(java.relativize(p).toString());
                        Files.createDirectories(to.getParent());
                        Files.copy(p, to);
                    }
                }
                measure(n, "domain folders", domainOnly);
            } finally {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private static void measure(int copies, String label, Path root) {
        double[] ms = new double[ROUNDS];
        ParsedModel model = null;
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            model = SourceIndex.scan(List.of(root), MappingOptions.DEFAULT).model();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        if (model.schema().tables().size() != copies * WholeApplication.TABLES.size() || !model.warnings().isEmpty()) {
            throw new IllegalStateException("the benchmark application does not map as expected: " + model.warnings());
        }
        long before = usedHeap();
        SourceIndex kept = SourceIndex.scan(List.of(root), MappingOptions.DEFAULT);
        kept.model();
        long heap = usedHeap() - before;
        java.util.Arrays.sort(ms);
        System.out.printf("%-7d %-20s %7d %9d %11.0f ms %9.1f MB%n", copies, label, kept.files().size(),
                model.mappedEntities(), ms[ROUNDS / 2], heap / 1e6);
        if (kept.files().isEmpty()) {
            throw new IllegalStateException("unreachable: keeps the index alive until measured");
        }
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    /** The pet store {@code copies} times, each copy in its own package {@code com.example.petstoreN}, with its own table names. */
    private static Path write(Path root, int copies) throws IOException {
        return write(root, copies, copies);
    }

    /**
     * The same, with entities in the first {@code withEntities} copies only: in the others the entity classes stay as
     * plain classes, for a large source root with few entities. Returns its {@code src/main/java}.
     */
    public static Path write(Path root, int copies, int withEntities) throws IOException {
        Path source = WholeApplication.resources().resolve("src/main/java");
        Path java = root.resolve("app/src/main/java");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source)) {
            files = walk.filter(p -> p.toString().endsWith(".java") && !p.endsWith("module-info.java")).toList();
        }
        for (int i = 0; i < copies; i++) {
            String pkg = "petstore" + i;
            for (Path f : files) {
                String rel = source.relativize(f).toString().replace("com/example/petstore/", "com/example/" + pkg + "/");
                String text = Files.readString(f).replace("com.example.petstore", "com.example." + pkg);
                // distinct table names per copy: explicit names get a suffix, implicit ones follow the entity name
                text = text.replace("@Table(name = \"owners\")", "@Table(name = \"owners" + i + "\")")
                        .replace("@Table(name = \"purchase_orders\")", "@Table(name = \"purchase_orders" + i + "\")")
                        .replace("name = \"vet_specialties\"", "name = \"vet_specialties" + i + "\"");
                for (String entity : List.of("Pet", "Visit", "Vet", "Specialty", "Product", "OrderLine")) {
                    text = text.replace("\npublic class " + entity + " ", "\n@jakarta.persistence.Table(name = \""
                            + NamingStrategy.snakeCase(entity) + i + "\")\npublic class " + entity + " ");
                }
                if (i >= withEntities) {
                    text = text.replaceAll("@(Entity|Embeddable|MappedSuperclass)\\b", "");
                }
                Path to = java.resolve(rel);
                Files.createDirectories(to.getParent());
                Files.writeString(to, text);
            }
        }
        return java;
    }

    /** The entities the pet store maps, per copy. */
    public static int entitiesPerCopy() {
        return WholeApplication.ENTITIES;
    }
}
