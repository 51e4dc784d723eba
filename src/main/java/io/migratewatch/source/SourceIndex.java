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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The watched model sources, parsed, by path: the cross-file index that superclasses, enums,
 * constants and association targets are resolved through. {@link #update(Path)} re-parses one
 * file; {@link #model()} derives the schema, reusing every entity mapping whose files did not
 * change. Mutable and not thread-safe: one owner (the daemon loop or a command) uses it.
 */
public final class SourceIndex {

    /** How {@code EntityMapper} says that an entity is left out: the table it names is that entity's. */
    private static final Pattern LEFT_OUT = Pattern.compile("is not supported yet: table (.+?) is left out of migrations until it is");

    private final List<Path> roots;
    private final MappingOptions options;
    /** JavaParser is not thread-safe: each thread that reads files parses with its own. */
    private static final ThreadLocal<JavaSourceParser> PARSER = ThreadLocal.withInitial(JavaSourceParser::new);
    private final ModelBuilder builder;
    /** orm.xml and *.hbm.xml files next to the sources, read when the index is scanned. */
    private final List<XmlMapping> xmlMappings = new ArrayList<>();
    private final List<SourceProblem> unreadableXml = new ArrayList<>();
    private final Map<Path, ParsedFile> files = new HashMap<>();
    /** Files that never parsed: without a good version, the model cannot be trusted. */
    private final Map<Path, List<SourceProblem>> unparsed = new TreeMap<>();
    private long nextVersion = 1;
    private long shapeVersion = 0;
    private TypeIndex typeIndex;
    private ParsedModel model;
    /** The library superclasses known built in, parsed on the first model. */
    private List<ParsedFile> library;

    private SourceIndex(List<Path> roots, MappingOptions options) {
        this.roots = roots;
        this.options = options;
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
        List<Path> sources = new ArrayList<>();
        normalized.forEach(root -> sources.addAll(SourceFiles.under(root)));
        // reading and parsing is most of a scan and needs nothing of the index: on every core, in file order
        long first = index.nextVersion;
        index.nextVersion += sources.size();
        List<Loaded> loaded = java.util.stream.IntStream.range(0, sources.size()).parallel()
                .mapToObj(i -> read(sources.get(i), first + i)).toList();
        for (Loaded file : loaded) {
            try {
                index.apply(file);
            } catch (SourceException e) {
                // kept in `unparsed`; model() reports it
            }
        }
        Set<Path> mappingFiles = new TreeSet<>();
        normalized.forEach(root -> mappingFiles.addAll(SourceFiles.mappingFilesFor(root)));
        for (Path file : mappingFiles) {
            try {
                index.xmlMappings.add(XmlMapping.read(file));
            } catch (SourceException e) {
                index.unreadableXml.addAll(e.problems());
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

    /**
     * Derives the schema from the index, with what it covers: the entities mapped, those left out
     * and the mapping files that are not read (see {@link ParsedModel#coverage()}).
     *
     * @throws SourceException for a file that does not parse, a class declared twice, or a mapping that cannot be resolved
     */
    public ParsedModel model() {
        if (model != null) {
            return model;
        }
        List<SourceProblem> problems = new ArrayList<>();
        unparsed.values().forEach(problems::addAll);
        problems.addAll(unreadableXml);
        if (!problems.isEmpty()) {
            throw new SourceException(problems);
        }
        if (typeIndex == null) {
            List<ParsedFile> ordered = new ArrayList<>(files.values());
            ordered.sort(Comparator.comparing(ParsedFile::path));
            List<SourceProblem> twice = DuplicateTypes.in(ordered);
            if (!twice.isEmpty()) {
                throw new SourceException(twice);
            }
            if (library == null) {
                library = LibrarySuperclasses.parse(options.hibernateVersion());
            }
            typeIndex = new TypeIndex(ordered, library);
        }
        ParsedModel built = builder.build(typeIndex, shapeVersion, this::versionOf);
        if (!built.coverage().counted()) {
            built = built.withCoverage(countFromWarnings(built));
        }
        model = withXmlMappings(built);
        return model;
    }

    /**
     * The coverage of a model the builder did not count: every entity class, less those a
     * "left out of migrations" warning names by their table (one table per left-out entity).
     */
    private Coverage countFromWarnings(ParsedModel built) {
        List<TypeInfo> entities = entities();
        Map<String, List<SourceProblem>> byTable = new LinkedHashMap<>();
        for (SourceProblem w : built.warnings()) {
            Matcher m = LEFT_OUT.matcher(w.message());
            if (m.find()) {
                byTable.computeIfAbsent(m.group(1), t -> new ArrayList<>()).add(w);
            }
        }
        List<LeftOutEntity> leftOut = new ArrayList<>();
        byTable.forEach((table, reasons) -> {
            // the class is known when the warning's file declares exactly one entity (not a mapped superclass's file)
            List<TypeInfo> inFile = entities.stream().filter(e -> e.file().equals(reasons.get(0).file())).toList();
            leftOut.add(new LeftOutEntity(inFile.size() == 1 ? inFile.get(0).qualifiedName() : null, table, reasons));
        });
        return new Coverage(Math.max(entities.size() - leftOut.size(), 0), leftOut, List.of());
    }

    private List<TypeInfo> entities() {
        return typeIndex.types().stream().filter(t -> t.isClass() && t.has(Family.JPA, "Entity")).toList();
    }

    /**
     * Leaves what orm.xml and hbm.xml files map out of migrations, with one warning per file: a
     * class they map that is no {@code @Entity} in the sources would otherwise look like a table
     * the models do not want, and be dropped.
     */
    private ParsedModel withXmlMappings(ParsedModel built) {
        if (xmlMappings.isEmpty()) {
            return built;
        }
        NamingStrategy naming = new NamingStrategy(options);
        List<SourceProblem> errors = new ArrayList<>();
        List<SourceProblem> fileWarnings = new ArrayList<>();
        List<LeftOutEntity> leftOut = new ArrayList<>();
        Set<String> tables = new LinkedHashSet<>();
        for (XmlMapping x : xmlMappings) {
            Set<String> fileTables = new LinkedHashSet<>();
            x.tables().forEach(t -> fileTables.add(naming.physical(t).emitted()));
            List<XmlMapping.MappedClass> leftOutHere = new ArrayList<>();
            Map<XmlMapping.MappedClass, String> tableOf = new LinkedHashMap<>();
            for (XmlMapping.MappedClass c : x.classes()) {
                boolean annotated = c.name() != null && typeIndex.get(c.name())
                        .map(t -> t.isClass() && t.has(Family.JPA, "Entity")).orElse(false);
                if (annotated) {
                    if (x.kind() == XmlMapping.Kind.ORM_XML && c.table() != null) {
                        // the annotations would give it another table than Hibernate, which applies the override
                        errors.add(new SourceProblem(x.file(), c.line(), 0, c.name() + " is mapped to table " + c.table()
                                + " in orm.xml, which is not read yet: write @Table(name = \"" + c.table()
                                + "\") on the class instead, or remove the override"));
                    }
                    continue;
                }
                String written = c.table() != null ? c.table() : c.entityName() != null ? c.entityName() : simpleName(c.name());
                if (written == null) {
                    continue;
                }
                String table = naming.physical(written).emitted();
                fileTables.add(table);
                tableOf.put(c, table);
                leftOutHere.add(c);
            }
            SourceProblem warning = new SourceProblem(x.file(), x.line(), 0, xmlWarning(x, fileTables, leftOutHere.size()));
            fileWarnings.add(warning);
            leftOutHere.forEach(c -> leftOut.add(new LeftOutEntity(c.name(), tableOf.get(c), List.of(warning))));
            tables.addAll(fileTables);
        }
        if (!errors.isEmpty()) {
            throw new SourceException(errors);
        }
        List<SourceProblem> warnings = new ArrayList<>(built.warnings());
        warnings.addAll(fileWarnings);
        Set<String> unmanaged = new TreeSet<>(built.unmanagedTables());
        unmanaged.addAll(tables);
        return new ParsedModel(built.schema().without(tables), built.renames(), warnings, unmanaged,
                built.coverage().plus(leftOut, fileWarnings));
    }

    private static String xmlWarning(XmlMapping x, Set<String> tables, int classes) {
        String what = x.kind() == XmlMapping.Kind.HBM_XML
                ? "Hibernate's legacy hbm.xml mappings are not read"
                : "mappings in orm.xml are not read yet";
        if (tables.isEmpty()) {
            return what + (x.kind() == XmlMapping.Kind.ORM_XML ? ": the entities are mapped from their annotations only" : "");
        }
        String names = String.join(", ", tables);
        return what + ": " + (tables.size() == 1 ? "table " + names + " is" : "tables " + names + " are")
                + " left out of migrations" + (classes == 0 ? "" : " (" + classes + (classes == 1 ? " class" : " classes")
                + " mapped only in this file)");
    }

    private static String simpleName(String qualified) {
        return qualified == null ? null : qualified.substring(qualified.lastIndexOf('.') + 1);
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
        if (LibrarySuperclasses.isLibrary(path)) {
            return LibrarySuperclasses.VERSION;
        }
        ParsedFile f = files.get(path);
        return f == null ? null : f.version();
    }

    private void load(Path path) {
        apply(read(path, nextVersion++));
    }

    /**
     * A file read and parsed, or why not: the part of loading that touches nothing of the index, so files can
     * be read on several threads.
     *
     * @param parsed     null when the file is gone or did not parse
     * @param error      why it did not parse or could not be read, else null
     * @param unreadable the file is there but could not be read (rather than parsed)
     */
    private record Loaded(Path path, ParsedFile parsed, SourceException error, boolean unreadable) {
    }

    private static Loaded read(Path path, long version) {
        String source;
        try {
            source = Files.readString(path, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            try {
                source = readLatin1(path);
            } catch (SourceException unreadable) {
                return new Loaded(path, null, unreadable, true);
            }
        } catch (IOException e) {
            if (!Files.exists(path)) {
                return new Loaded(path, null, null, false);
            }
            return new Loaded(path, null, new SourceException(new SourceProblem(path, 0, 0, "cannot read this file: " + e.getMessage())), true);
        }
        try {
            return new Loaded(path, PARSER.get().parse(path, source, version), null, false);
        } catch (SourceException e) {
            return new Loaded(path, null, e, false);
        }
    }

    /** Puts what {@link #read} found into the index: the new version, the file's removal, or its problems. */
    private void apply(Loaded file) {
        Path path = file.path();
        if (file.error() != null) {
            if (!file.unreadable() && !files.containsKey(path)) {
                unparsed.put(path, file.error().problems());
                changed();
            }
            throw file.error();
        }
        if (file.parsed() == null) {
            remove(path);
            return;
        }
        unparsed.remove(path);
        ParsedFile old = files.put(path, file.parsed());
        if (old == null || !old.typeNames().equals(file.parsed().typeNames())) {
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
