package io.migratewatch.workflow;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;
import io.migratewatch.backup.BackupException;
import io.migratewatch.backup.BackupFile;
import io.migratewatch.backup.BackupFolder;
import io.migratewatch.backup.BackupSource;
import io.migratewatch.backup.Backups;
import io.migratewatch.backup.Manifest;
import io.migratewatch.backup.Progress;
import io.migratewatch.backup.Restorer;
import io.migratewatch.db.DatabaseErrors;
import io.migratewatch.migration.AppliedMigration;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code db restore latest|FILE}: takes a safety backup of the current state, then restores the file
 * in one transaction under the migration lock, verified against its manifest before it commits.
 */
public final class RestoreBackup {

    /**
     * @param safety   the backup of the state before the restore (restore it to undo this one)
     * @param revision the newest applied revision after the restore, or null
     */
    public record Result(String restored, Manifest manifest, String safety, long millis, String revision) {
    }

    private final Project project;

    public RestoreBackup(Project project) {
        this.project = project;
    }

    /** {@code latest}, a path, or a file name in the backup folder; checks nothing but that it exists. */
    public Path resolve(String what, Path workingDir) {
        return new BackupFolder(project.settings().backup().dir()).resolve(what, workingDir);
    }

    public String display(Path file) {
        return project.display(file);
    }

    public Result run(Path file, Progress progress) {
        Backups backups = project.backups();
        String schema = project.settings().database().schema();
        try (BackupSource source = backups.open(file)) {
            BackupFile backup = source.file();
            if (!backup.valid()) {
                throw new BackupException(project.display(file) + " cannot be restored: " + backup.problem() + ". Nothing was changed.");
            }
            if (!backup.manifest().schema().equals(schema)) {
                throw new MigrateWatchException(ExitCode.BAD_INPUT, project.display(file) + " holds schema " + backup.manifest().schema()
                        + ", but this project manages schema " + schema + " (database.schema). Nothing was changed.");
            }
            BackupFile safety;
            // the lock is held from the safety backup to the end of the restore: no migration runs in between
            try (Connection c = project.connect(); MigrationLock lock = project.lock()) {
                try {
                    safety = backups.take(c, current(c), "safety copy before restoring " + backup.fileName(), progress);
                } catch (BackupException e) {
                    throw new BackupException("the safety backup of the current state failed, so nothing was restored: " + e.getMessage(), e);
                }
                Restorer.Result r = backups.restore(c, source, progress, connection -> lock.requireHeld());
                String revision;
                try (Connection after = project.connect()) {
                    revision = current(after);
                }
                return new Result(project.display(file), r.manifest(), project.display(safety.path()), r.millis(), revision);
            }
        } catch (SQLException e) {
            throw DatabaseErrors.whileBackingUp("restoring a backup", e);
        } catch (IOException e) {
            throw new BackupException("cannot read " + project.display(file) + ": " + e.getMessage(), e);
        }
    }

    private String current(Connection c) throws SQLException {
        List<AppliedMigration> applied = project.history().applied(c);
        return applied.isEmpty() ? null : applied.get(applied.size() - 1).revision();
    }
}
