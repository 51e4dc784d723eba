package io.migratewatch.fidelity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * One set of entity sources under {@code src/test/resources/models/<name>/} (package folders inside, or
 * {@code src/main/java/} and {@code src/main/resources/} as in a project): plain {@code .java} files that only the
 * fidelity test compiles, and for a project-like set the application's settings (see
 * {@link ApplicationSettingsForHibernate}) and the files that differ for Hibernate 6.6 ({@link #forHibernate}).
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

    /**
     * The set as an application on Hibernate {@code version} writes it. A set laid out as a project may hold, beside
     * {@code src/main/java}, a folder {@code src/hibernate6/java} of files that replace the same-named ones for
     * Hibernate 6.6: where the sources must differ (a class that moved package, an attribute only Hibernate 7 has).
     * For 6 with such a folder, a copy of the set in {@code copies} with those files laid over its sources (migrate-watch
     * and javac read the copy); otherwise this set.
     *
     * @throws IllegalStateException when a file of src/hibernate6/java replaces nothing (a misplaced file)
     */
    public ModelSet forHibernate(int version, Path copies) {
        Path overlay = resources() == null ? null : root.getParent().resolveSibling("hibernate6").resolve("java");
        if (version != 6 || overlay == null || !Files.isDirectory(overlay)) {
            return this;
        }
        Path folder = root.getParent().getParent().getParent();
        Path copy = copies.resolve(name);
        try {
            for (Path file : files(folder)) {
                if (!file.startsWith(overlay)) {
                    copy(file, copy.resolve(folder.relativize(file)));
                }
            }
            Path copiedRoot = copy.resolve(folder.relativize(root));
            for (Path file : files(overlay)) {
                Path replaced = copiedRoot.resolve(overlay.relativize(file).toString());
                if (!Files.exists(replaced)) {
                    throw new IllegalStateException("model set " + name + ": " + file + " replaces no file of "
                            + root + " (src/hibernate6/java only holds files that replace same-named ones)");
                }
                copy(file, replaced);
            }
            return new ModelSet(name, copiedRoot);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static void copy(Path file, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
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
