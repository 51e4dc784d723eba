package io.migratewatch.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Entity base classes from libraries that applications extend but whose sources are not watched
 * (Spring Data JPA, Quarkus Panache, Hibernate Envers). migrate-watch carries a short source of its
 * own for each, stating only the mapped fields and annotations the library documents, under
 * {@code src/main/resources/io/migratewatch/source/builtin/}. The type index resolves names to them
 * as to watched types, but they are never entities of the user's, never watched on disk, and
 * their place is shown as {@code (library)/…} rather than a file of the user's. A library whose line
 * for Hibernate 6 maps differently has that line's statement under {@code builtin-hibernate6/},
 * read in place of the other with {@code models.hibernate-version = 6}.
 */
final class LibrarySuperclasses {

    /** Where the sources lie on the classpath, one folder per package. */
    private static final String RESOURCE_ROOT = "builtin/";
    /** The statements of the Hibernate 6 lines of libraries that differ from the Hibernate 7 lines. */
    private static final String HIBERNATE_6_ROOT = "builtin-hibernate6/";

    /** The folder shown in place of a file for anything read from these sources. */
    static final Path FOLDER = Path.of("(library)");

    /** The parse version of every library source: they never change while we run (the user's start at 1). */
    static final long VERSION = 0;

    static final List<String> CLASSES = List.of(
            "org.springframework.data.jpa.domain.AbstractPersistable",
            "org.springframework.data.jpa.domain.AbstractAuditable",
            "org.springframework.data.domain.AbstractAggregateRoot",
            "io.quarkus.hibernate.orm.panache.PanacheEntity",
            "io.quarkus.hibernate.orm.panache.PanacheEntityBase",
            "io.quarkus.hibernate.reactive.panache.PanacheEntity",
            "io.quarkus.hibernate.reactive.panache.PanacheEntityBase",
            "org.hibernate.envers.RevisionMapping",
            "org.hibernate.envers.DefaultRevisionEntity",
            "org.hibernate.envers.TrackingModifiedEntitiesRevisionMapping",
            "org.hibernate.envers.DefaultTrackingModifiedEntitiesRevisionEntity");

    private LibrarySuperclasses() {
    }

    /**
     * Every library source as the libraries of that Hibernate major version declare it, parsed anew (type facts are
     * memoized per parse, so each index owns its copy).
     */
    static List<ParsedFile> parse(int hibernateVersion) {
        JavaSourceParser parser = new JavaSourceParser();
        List<ParsedFile> out = new ArrayList<>();
        for (String name : CLASSES) {
            String relative = name.replace('.', '/') + ".java";
            String source = hibernateVersion == 6 ? readIfPresent(HIBERNATE_6_ROOT + relative) : null;
            out.add(parser.parse(FOLDER.resolve(relative), source != null ? source : read(RESOURCE_ROOT + relative), VERSION));
        }
        return List.copyOf(out);
    }

    /** True for the place of a library source: never a file of the user's. */
    static boolean isLibrary(Path file) {
        return file != null && file.startsWith(FOLDER);
    }

    private static String read(String resource) {
        String source = readIfPresent(resource);
        if (source == null) {
            // a packaging fault of ours, not of the user's model
            throw new IllegalStateException("missing built-in source io/migratewatch/source/" + resource);
        }
        return source;
    }

    private static String readIfPresent(String resource) {
        try (InputStream in = LibrarySuperclasses.class.getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
