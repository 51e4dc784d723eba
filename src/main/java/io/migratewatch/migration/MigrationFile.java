package io.migratewatch.migration;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One migration file: its header and its up and down SQL. {@code upLine} and {@code downLine} are
 * the file lines on which the sections' SQL starts, so errors can point into the file.
 */
public record MigrationFile(Path path, String revision, List<String> parents, String description, Instant created,
                            String generated, String up, String down, int upLine, int downLine) {

    public MigrationFile {
        parents = List.copyOf(parents);
    }

    /** The checksum of the SQL sections, insensitive to line endings and trailing whitespace. */
    public String checksum() {
        return Checksums.of(up, down);
    }

    public String fileName() {
        return path == null ? revision : path.getFileName().toString();
    }

    public String shortRevision() {
        return revision.length() > 8 ? revision.substring(0, 8) : revision;
    }
}
