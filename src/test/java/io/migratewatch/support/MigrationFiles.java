package io.migratewatch.support;

import io.migratewatch.migration.MigrationFile;
import io.migratewatch.migration.MigrationFileFormat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Writes hand-made migration files into a project's migrations folder, as a teammate would commit them. */
public final class MigrationFiles {

    private MigrationFiles() {
    }

    /** @param created seconds after a fixed instant, so files sort and order as written */
    public static Path write(Path dir, String revision, String parent, String description, int created, String generated,
                             String up, String down) throws IOException {
        Files.createDirectories(dir);
        Instant when = Instant.parse("2026-11-01T10:00:00Z").plusSeconds(created);
        MigrationFile m = new MigrationFile(null, revision, parent == null ? List.of() : List.of(parent), description, when,
                generated, up, down, 0, 0);
        Path file = dir.resolve(MigrationFileFormat.fileName(when, revision, description));
        Files.writeString(file, MigrationFileFormat.render(m));
        return file;
    }

    public static Path write(Path dir, String revision, String parent, String description, int created, String up, String down)
            throws IOException {
        return write(dir, revision, parent, description, created, "manual", up, down);
    }
}
