package io.migratewatch.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The watched model sources, parsed, by path: the cross-file index that superclasses, enums,
 * constants and association targets are resolved through. {@link #update(Path)} re-parses one
 * file; {@link #model()} derives the schema, reusing every entity mapping whose files did not
 * change. Mutable and not thread-safe: one owner (the daemon loop or a command) uses it.
 */
public final class SourceIndex {

    private final List<Path> roots;
    private final JavaSourceParser parser = new JavaSourceParser();
    private final ModelBuilder builder;
    private final Map<Path, ParsedFile> files = new HashMap<>();
    /** Files that never parsed: without a good version, the model cannot be trusted. */
    private final Map<Path, List<SourceProblem>> unparsed = new TreeMap<>();
    private long nextVersion = 1;
    private long shapeVersion = 0;
    private TypeIndex typeIndex;
    private ParsedModel model;

    private SourceIndex(List<Path> roots, MappingOptions options) {
        this.roots = roots;
        this.builder = new ModelBuilder(options);
    }

    /**
     * Parses every {@code *.java} file under the roots (files may be roots too), skipping
     * {@code target/}, {@code build/}, {@code .git/} and {@code node_modules/}. Files with syntax
     * errors are remembered: {@link #model()} reports them until they are fixed.
     *
     * @throws SourceException when a root does not exist
     */
    public static SourceIndex scan(List<Path> roots, MappingOptions options) {
        List<Path> normalized = new ArrayList<>();
        List<SourceProblem> missing = new ArrayList<>();
        for (Path root : roots) {
            Path r = canonical(root);
            if (!Files.exists(r)) {
                missing.add(new SourceProblem(r, 0, 0, "this models.paths entry does not exist: fix models.paths in watcher.conf"));
            }
            normalized.add(r);
        }
        if (!missing.isEmpty()) {
            throw new SourceException(missing);
        }
        SourceIndex index = new SourceIndex(List.copyOf(normalized), options);
        for (Path root : normalized) {
            for (Path file : SourceFiles.under(root)) {
                try {
                    index.load(file);
                } catch (SourceException e) {
                    // kept in `unparsed`; model() reports it
                }
            }
        }
        return index;
    }

    /**
     * Re-reads one file. A deleted file (or folder) leaves the index. A file that fails to parse
     * throws, and the index keeps its last good version (if there was one).
     */
    public void update(Path file) {
        Path path = canonical(file);
        if (Files.isDirectory(path)) {
            List<SourceProblem> problems = new ArrayList<>();
            for (Path f : SourceFiles.under(path)) {
                try {
                    update(f);
                } catch (SourceException e) {
                    problems.addAll(e.problems());
                }
            }
            removeMissingUnder(path);
            if (!problems.isEmpty()) {
                throw new SourceException(problems);
            }
            return;
        }
        if (!Files.exists(path)) {
            remove(path);
            removeMissingUnder(path);
            return;
        }
        if (!SourceFiles.isJavaSource(path) || isSkipped(path)) {
            return;
        }
        load(path);
    }

    /** Derives the schema from the index. */
    public ParsedModel model() {
        if (model != null) {
            return model;
        }
        if (!unparsed.isEmpty()) {
            List<SourceProblem> problems = new ArrayList<>();
            unparsed.values().forEach(problems::addAll);
            throw new SourceException(problems);
        }
        if (typeIndex == null) {
            List<ParsedFile> ordered = new ArrayList<>(files.values());
            ordered.sort(Comparator.comparing(ParsedFile::path));   // first declaration of a name wins, reproducibly
            typeIndex = new TypeIndex(ordered);
        }
        model = builder.build(typeIndex, shapeVersion, this::versionOf);
        return model;
    }

    /** The files in the index (those that parsed at least once). */
    public Set<Path> files() {
        return Collections.unmodifiableSet(new TreeSet<>(files.keySet()));
    }

    /**
     * One spelling per file, whoever reports it: the watcher may hand over the real path of a file
     * that was scanned through a symbolic link (or macOS's /var → /private/var). A deleted file has
     * no real path, but its folder usually still does.
     */
    private static Path canonical(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (IOException missing) {
            Path parent = absolute.getParent();
            if (parent != null && absolute.getFileName() != null) {
                try {
                    return parent.toRealPath().resolve(absolute.getFileName());
                } catch (IOException parentMissing) {
                    return absolute;
                }
            }
            return absolute;
        }
    }

    private Long versionOf(Path path) {
        ParsedFile f = files.get(path);
        return f == null ? null : f.version();
    }

    private void load(Path path) {
        String source;
        try {
            source = Files.readString(path, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            source = readLatin1(path);
        } catch (IOException e) {
            if (!Files.exists(path)) {
                remove(path);
                return;
            }
            throw new SourceException(new SourceProblem(path, 0, 0, "cannot read this file: " + e.getMessage()));
        }
        ParsedFile parsed;
        try {
            parsed = parser.parse(path, source, nextVersion++);
        } catch (SourceException e) {
            if (!files.containsKey(path)) {
                unparsed.put(path, e.problems());
                changed();
            }
            throw e;
        }
        unparsed.remove(path);
        ParsedFile old = files.put(path, parsed);
        if (old == null || !old.typeNames().equals(parsed.typeNames())) {
            shapeVersion++;
        }
        changed();
    }

    private static String readLatin1(Path path) {
        try {
            return Files.readString(path, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new SourceException(new SourceProblem(path, 0, 0, "cannot read this file: " + e.getMessage()));
        }
    }

    private void remove(Path path) {
        boolean known = files.remove(path) != null;
        boolean broken = unparsed.remove(path) != null;
        if (known) {
            shapeVersion++;
        }
        if (known || broken) {
            changed();
        }
    }

    // a deleted folder: drop everything that was under it
    private void removeMissingUnder(Path folder) {
        for (Path p : new ArrayList<>(files.keySet())) {
            if (p.startsWith(folder) && !p.equals(folder) && !Files.exists(p)) {
                remove(p);
            }
        }
        for (Path p : new ArrayList<>(unparsed.keySet())) {
            if (p.startsWith(folder) && !Files.exists(p)) {
                remove(p);
            }
        }
    }

    private boolean isSkipped(Path path) {
        for (Path root : roots) {
            if (path.startsWith(root)) {
                return SourceFiles.isSkipped(root, path);
            }
        }
        return false;
    }

    private void changed() {
        typeIndex = null;
        model = null;
    }
}
