package io.migratewatch.watch;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The files under a folder with their size, modification time and identity, for polling. */
record TreeSnapshot(Map<Path, Stamp> files) {

    /** What tells one version of a file from the next without reading it; the key changes when a save replaces the file. */
    record Stamp(long size, FileTime modified, Object fileKey) {
    }

    TreeSnapshot {
        files = Map.copyOf(files);
    }

    /** Reads the tree's file attributes, leaving out build output and VCS folders; a missing folder has no files. */
    static TreeSnapshot take(Path root) {
        Map<Path, Stamp> files = new HashMap<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root) && PathFilter.SKIPPED_FOLDERS.contains(String.valueOf(dir.getFileName()))
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        files.put(file, new Stamp(attrs.size(), attrs.lastModifiedTime(), attrs.fileKey()));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE; // deleted while walking (or the root is missing): the next round sees it
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new TreeSnapshot(files);
    }

    /** The files created, changed or deleted since {@code older}. */
    Set<Path> changedSince(TreeSnapshot older) {
        Set<Path> changed = new LinkedHashSet<>();
        files.forEach((path, stamp) -> {
            if (!Objects.equals(stamp, older.files.get(path))) {
                changed.add(path);
            }
        });
        older.files.keySet().stream().filter(p -> !files.containsKey(p)).forEach(changed::add);
        return changed;
    }
}
