package io.migratewatch.fidelity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One set of entity sources under {@code src/test/resources/models/<name>/} (package folders inside, or
 * {@code src/main/java/} and {@code src/main/resources/} as in a project): plain {@code .java} files that only the
 * fidelity test compiles, and for a project-like set the application's settings (see
 * {@link ApplicationSettingsForHibernate}).
 *
 * @param name the folder name, also the label in the printed figures
 * @param root the source root: what {@code models.paths} points at and what javac compiles
 */
public record ModelSet(String name, Path root) {

    /**
     * The sets the fidelity test runs: every folder under {@code src/test/resources/models}, by name, or only those
     * named in {@code -Dfidelity.sets=a,b} (for working on one set).
     */
    public static final List<String> NAMES = names();

    private static List<String> names() {
        List<String> only = List.of(System.getProperty("fidelity.sets", "").split(",")).stream()
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        try (Stream<Path> folders = Files.list(base().resolve("src/test/resources/models"))) {
            return folders.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> only.isEmpty() || only.contains(n)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path base() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    }

    /**
     * The set in the source tree ({@code src/test/resources/models/<name>} under the project folder, which
     * Surefire passes as {@code basedir}): migrate-watch and javac read the very files a developer edits, and a
     * file deleted there cannot linger in a stale copy under target/test-classes.
     */
    public static ModelSet named(String name) {
        Path root = base().resolve("src/test/resources/models").resolve(name).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("model set " + name + " not found: " + root + " is not a folder");
        }
        // a set laid out as a project (src/main/java beside src/main/resources, which may hold application.yml)
        Path maven = root.resolve("src/main/java");
        return new ModelSet(name, Files.isDirectory(maven) ? maven : root);
    }

    /** The set's {@code src/main/resources} when it is laid out as a project: where its application.yml lives. */
    public Path resources() {
        return root.endsWith(Path.of("src", "main", "java")) ? root.getParent().resolve("resources") : null;
    }

    /** Every {@code .java} file of the set. */
    public List<Path> sources() {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
