package io.migratewatch.migration;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Migration files as they were last parsed, by path, given again while a file's text stays the same: the daemon
 * reads the whole folder several times on every change, and a folder that holds the first migration of a large model
 * is megabytes of SQL that parse the same each time.
 */
public final class ParsedMigrations {

    private record Parsed(String text, MigrationFile file) {
    }

    private final Map<Path, Parsed> byPath = new ConcurrentHashMap<>();

    /** The file {@code text} parses to, as {@link MigrationFileFormat#parse} gives it. */
    public MigrationFile parse(Path path, String text) {
        Parsed known = byPath.get(path);
        if (known != null && known.text().equals(text)) {
            return known.file();
        }
        MigrationFile file = MigrationFileFormat.parse(path, text);
        byPath.put(path, new Parsed(text, file));
        return file;
    }

    /** Forgets the files not listed: the folder no longer has them (the daemon renames its file as it grows). */
    void keepOnly(Collection<Path> present) {
        byPath.keySet().retainAll(new HashSet<>(present));
    }
}
