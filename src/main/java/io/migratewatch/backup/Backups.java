package io.migratewatch.backup;

import io.migratewatch.config.Settings;
import io.migratewatch.db.DatabaseUrl;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Takes, lists and restores the backups of one schema, as the settings say: which engine, which
 * folder, how many to keep. Decides nothing about when: the workflows call it.
 */
public final class Backups {

    private final Settings.Backup settings;
    private final String schema;
    private final DatabaseUrl url;
    private final BackupFolder folder;
    private final Clock clock;

    public Backups(Settings.Backup settings, String schema, DatabaseUrl url) {
        this(settings, schema, url, Clock.systemUTC());
    }

    Backups(Settings.Backup settings, String schema, DatabaseUrl url, Clock clock) {
        this.settings = settings;
        this.schema = schema;
        this.url = url;
        this.folder = new BackupFolder(settings.dir());
        this.clock = clock;
    }

    public BackupFolder folder() {
        return folder;
    }

    /** The engine this server gets, and why (for messages and {@code db backup}). */
    public EngineChoice engineFor(Connection c) throws SQLException {
        return EngineChoice.of(settings, url, serverMajor(c), System.getenv("PATH"));
    }

    /**
     * Writes a backup of the schema into the folder and applies the retention policy.
     *
     * @param revision the newest applied revision, or null
     * @param reason   why, for the manifest ("before upgrade to …", "db backup")
     * @throws BackupException when it cannot be written; nothing is left behind then
     */
    public BackupFile take(Connection c, String revision, String reason, Progress progress) {
        EngineChoice choice;
        try {
            choice = engineFor(c);
        } catch (SQLException e) {
            throw new BackupException("the backup of schema " + schema + " failed: " + e.getMessage(), e);
        }
        return take(c, choice, revision, reason, progress);
    }

    /** As {@link #take(Connection, String, String, Progress)}, with the engine already chosen. */
    public BackupFile take(Connection c, EngineChoice choice, String revision, String reason, Progress progress) {
        Instant now = clock.instant();
        String name = null;
        Path part = null;
        try {
            folder.prepare();
            folder.removeLeftovers();
            name = folder.freshName(now);
            part = folder.part(name);
            try (BackupWriter writer = BackupWriter.create(part)) {
                writer.finish(choice.engine().dump(c, new BackupRequest(schema, revision, reason, name, now), writer, progress));
            }
            Path published = folder.publish(part, name);
            folder.prune(new Retention(settings.keep(), Retention.ONE_HOUR), now);
            BackupFile written = BackupFile.inspect(published);
            if (!written.valid()) {
                throw new BackupException("the backup " + published + " was written but does not read back: " + written.problem());
            }
            return written;
        } catch (IOException e) {
            deleteQuietly(part);
            throw new BackupException("cannot write the backup " + (name == null ? "into " + folder.dir() : folder.dir().resolve(name))
                    + ": " + describe(e) + "\n  Make room or fix the folder's permissions (backup.dir = " + folder.dir() + ").", e);
        } catch (SQLException e) {
            deleteQuietly(part);
            throw new BackupException("the backup of schema " + schema + " failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(part);
            throw e;
        } finally {
            progress.finish();
        }
    }

    public List<BackupFile> list() {
        return folder.list();
    }

    /** {@code latest}, a path, or a file name in the backup folder. */
    public Path resolve(String what, Path workingDir) {
        return folder.resolve(what, workingDir);
    }

    public BackupSource open(Path file) {
        try {
            return BackupSource.open(file);
        } catch (IOException e) {
            throw new BackupException("cannot read " + file + ": " + describe(e), e);
        }
    }

    public Restorer.Result restore(Connection c, BackupSource source, Progress progress, Restorer.Guard guard) {
        return new Restorer().restore(c, source, progress, guard);
    }

    private static int serverMajor(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW server_version_num")) {
            rs.next();
            return Integer.parseInt(rs.getString(1)) / 10000;
        }
    }

    /** "No space left on device", "Permission denied": the operating system's words, with the file they concern. */
    private static String describe(IOException e) {
        if (e instanceof FileSystemException f) {
            String reason = f.getReason() != null ? f.getReason()
                    : e instanceof java.nio.file.AccessDeniedException ? "Permission denied"
                    : e instanceof java.nio.file.NoSuchFileException ? "No such file or folder"
                    : e instanceof java.nio.file.NotDirectoryException ? "Not a folder"
                    : e instanceof java.nio.file.FileAlreadyExistsException ? "A file of that name exists" : e.getClass().getSimpleName();
            return reason + (f.getFile() == null ? "" : " (" + f.getFile() + ")");
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void deleteQuietly(Path part) {
        if (part == null) {
            return;
        }
        try {
            java.nio.file.Files.deleteIfExists(part);
        } catch (IOException ignored) {
            // a folder we cannot write to: nothing was written into it either
        }
    }
}
