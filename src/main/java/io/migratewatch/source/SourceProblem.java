package io.migratewatch.source;

import java.nio.file.Path;

/**
 * Something wrong (or not yet supported) at a place in a model source. Line and column are
 * 1-based; a line of 0 means the problem concerns the whole file or folder, a column of 0 the whole
 * line (an XML parser knows lines, not where an element starts).
 */
public record SourceProblem(Path file, int line, int column, String message) {

    /** {@code Order.java:14:5: message} (or {@code orm.xml:14: message}): the file name only, as editors and terminals link it. */
    public String format() {
        String name = file == null ? "" : file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (line <= 0) {
            return name + ": " + message;
        }
        return name + ":" + line + (column > 0 ? ":" + column : "") + ": " + message;
    }
}
