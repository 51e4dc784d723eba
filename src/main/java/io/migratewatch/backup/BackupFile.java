package io.migratewatch.backup;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A backup file on disk and what its manifest says.
 *
 * @param manifest    null when the manifest cannot be read
 * @param headerBytes how many bytes the manifest takes at the top of the file
 * @param problem     null for a complete backup; else why it cannot be restored (truncated, not a backup, ...)
 */
public record BackupFile(Path path, Manifest manifest, long headerBytes, long fileSize, Instant modified, String problem) {

    /** Reads the manifest and checks the file's length against it; never throws for a damaged file. */
    public static BackupFile inspect(Path path) {
        long size;
        Instant modified;
        try {
            size = Files.size(path);
            modified = Files.getLastModifiedTime(path).toInstant();
        } catch (IOException e) {
            return new BackupFile(path, null, 0, 0, Instant.EPOCH, "cannot read it: " + e.getMessage());
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 8192)) {
            Manifest.Header header = Manifest.read(in);
            Manifest m = header.manifest();
            String problem = m.size() == size ? null
                    : "it is " + size + " bytes long but was written with " + m.size() + " (truncated or changed since)";
            return new BackupFile(path, m, header.bytes(), size, modified, problem);
        } catch (BackupFormatException e) {
            return new BackupFile(path, null, 0, size, modified, "not a complete migrate-watch backup: " + e.getMessage());
        } catch (IOException e) {
            return new BackupFile(path, null, 0, size, modified, "cannot read it: " + e.getMessage());
        }
    }

    public boolean valid() {
        return problem == null;
    }

    /** When it was taken: the manifest's time, or the file's for one without a readable manifest. */
    public Instant created() {
        return manifest != null ? manifest.created() : modified;
    }

    public String fileName() {
        return path.getFileName().toString();
    }

    /** "9 tables, 1,204 rows, 88 kB, builtin", for output lines. */
    public String summary() {
        if (manifest == null) {
            return Sizes.bytes(fileSize) + ", " + problem;
        }
        return manifest.tables().size() + (manifest.tables().size() == 1 ? " table, " : " tables, ") + Sizes.count(manifest.rows())
                + (manifest.rows() == 1 ? " row, " : " rows, ") + Sizes.bytes(fileSize) + ", " + manifest.engine();
    }
}
