package io.migratewatch.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the {@code *.java} files under the watched roots, skipping build output (with the sources
 * annotation processors generate there) and tool folders; and the XML mapping files next to them.
 */
final class SourceFiles {

    static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", "build", ".git", "node_modules", ".idea", ".gradle");

    private SourceFiles() {
    }

    static boolean isJavaSource(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().endsWith(".java");
    }

    /** True when some folder between the root and the file is one that is never watched. */
    static boolean isSkipped(Path root, Path file) {
        Path relative = file.startsWith(root) ? root.relativize(file) : file;
        Path parent = relative.getParent();
        if (parent == null) {
            return false;
        }
        for (Path part : parent) {
            if (SKIPPED_DIRECTORIES.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    static List<Path> under(Path root) {
        return under(root, SourceFiles::isJavaSource);
    }

    /**
     * The {@code orm.xml} and {@code *.hbm.xml} files under a root and, when the root is a source
     * set's {@code java} folder, under its {@code resources} sibling (where Maven and Gradle keep them).
     */
    static List<Path> mappingFilesFor(Path root) {
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(root)) {
            found.addAll(under(root, XmlMapping::isMappingFile));
            Path name = root.getFileName();
            Path resources = root.getParent() == null ? null : root.getParent().resolve("resources");
            if (name != null && name.toString().equals("java") && resources != null && Files.isDirectory(resources)) {
                found.addAll(under(resources, XmlMapping::isMappingFile));
            }
        }
        return found;
    }

    private static List<Path> under(Path root, java.util.function.Predicate<Path> wanted) {
        List<Path> found = new ArrayList<>();
        if (Files.isRegularFile(root)) {
            if (wanted.test(root)) {
                found.add(root);
            }
            return found;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(root) && SKIPPED_DIRECTORIES.contains(dir.getFileName().toString())) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && wanted.test(file)) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(null);
        return found;
    }
}
