package io.migratewatch.source;

import io.migratewatch.schema.Column;
import io.migratewatch.schema.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes small entity sources into a folder and scans them: the parser is always the real one. */
final class Sources {

    static final MappingOptions SPRING_7 = new MappingOptions(Naming.SPRING, 7);
    static final MappingOptions SPRING_6 = new MappingOptions(Naming.SPRING, 6);
    static final MappingOptions HIBERNATE_7 = new MappingOptions(Naming.HIBERNATE, 7);

    private final Path root;

    Sources(Path root) {
        this.root = root;
    }

    /** Writes {@code source} to the path its package and first public type name imply. */
    Path write(String source) {
        String pkg = source.lines().filter(l -> l.startsWith("package ")).findFirst()
                .map(l -> l.substring(8, l.indexOf(';')).trim()).orElse("");
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("\\b(?:class|interface|enum|record)\\s+(\\w+)").matcher(source);
        if (!m.find()) {
            throw new IllegalArgumentException("no type in source");
        }
        return write(pkg.replace('.', '/') + "/" + m.group(1) + ".java", source);
    }

    Path write(String relative, String source) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, source);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SourceIndex scan() {
        return scan(SPRING_7);
    }

    SourceIndex scan(MappingOptions options) {
        return SourceIndex.scan(List.of(root), options);
    }

    ParsedModel model() {
        return scan().model();
    }

    ParsedModel model(MappingOptions options) {
        return scan(options).model();
    }

    static Table table(ParsedModel model, String name) {
        return model.schema().table(name).orElseThrow(() -> new AssertionError(
                "no table " + name + " in " + model.schema().tables().keySet() + "; warnings " + model.warnings()));
    }

    static Column column(ParsedModel model, String table, String column) {
        return table(model, table).column(column).orElseThrow(() -> new AssertionError(
                "no column " + column + " in " + table(model, table).columnsByName().keySet()));
    }

    /** A one-entity source in package {@code app} with the usual imports. */
    static String entity(String name, String body) {
        return entity(name, "", body);
    }

    static String entity(String name, String classAnnotations, String body) {
        return "package app;\n\n"
                + "import jakarta.persistence.*;\n"
                + "import org.hibernate.annotations.*;\n"
                + "import jakarta.validation.constraints.*;\n"
                + "import java.math.*;\n"
                + "import java.time.*;\n"
                + "import java.util.*;\n\n"
                + "@Entity\n" + classAnnotations + (classAnnotations.isEmpty() ? "" : "\n")
                + "public class " + name + " {\n"
                + "    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;\n"
                + body + "\n}\n";
    }
}
