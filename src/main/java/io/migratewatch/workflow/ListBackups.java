package io.migratewatch.workflow;

import io.migratewatch.backup.BackupFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code db backups}: the backup folder's files, newest first, and which one latest.sql names. */
public final class ListBackups {

    /** @param latest the file latest.sql names, or null */
    public record Listing(String folder, int keep, List<BackupFile> backups, Path latest) {

        public boolean isLatest(BackupFile f) {
            try {
                return latest != null && Files.isSameFile(latest, f.path());
            } catch (java.io.IOException e) {
                return false;
            }
        }
    }

    private final Project project;

    public ListBackups(Project project) {
        this.project = project;
    }

    /** Reads files only: needs no database. */
    public Listing run() {
        var folder = new io.migratewatch.backup.BackupFolder(project.settings().backup().dir());
        return new Listing(project.display(folder.dir()), project.settings().backup().keep(), folder.list(), folder.latest().orElse(null));
    }
}
