package io.migratewatch.backup;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The backup folder ({@code backup.dir}): {@code backup_<UTC yyyyMMdd_HHmmss>.sql} files, readable by
 * their owner only in a folder only its owner can enter, and {@code latest.sql} naming the newest.
 * <p>
 * {@code latest.sql} is a hard link to the newest file: it costs no space, survives the original's
 * deletion, and {@code psql -f backups/latest.sql} reads it like any file. Where the file system has
 * no hard links it is a symbolic link, and failing that a copy. It is replaced atomically (a link made
 * under a temporary name, then renamed over the old one).
 */
public final class BackupFolder {

    public static final String LATEST = "latest.sql";
    private static final Pattern NAME = Pattern.compile("backup_\\d{8}_\\d{6}(_\\d+)?\\.sql");
    private static final Pattern PART = Pattern.compile("\\.backup_\\d{8}_\\d{6}(_\\d+)?\\.sql\\.part");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);
    /** A temporary file this old is left over from a killed process, not a backup in progress. */
    private static final Duration STALE_PART = Duration.ofDays(1);

    private final Path dir;

    public BackupFolder(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public Path dir() {
        return dir;
    }

    /**
     * Deletes the temporary files of backups whose process was killed (SIGKILL, a power cut), which
     * never got to delete them. A backup in progress holds a lock on its file, also in another process,
     * and its file is left alone; the lock goes with the process that held it. Returns what it deleted.
     */
    public List<Path> removeLeftovers() {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return removed;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (PART.matcher(p.getFileName().toString()).matches() && unused(p)) {
                    removed.add(p);
                }
            }
        } catch (IOException e) {
            // a folder we cannot read: the next command that can will clean it
        }
        return removed;
    }

    /** Deletes the file if no process holds its lock; false when one does (or it cannot be opened). */
    private static boolean unused(Path part) {
        try (FileChannel ch = FileChannel.open(part, StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                return false; // another process is writing it
            }
            Files.deleteIfExists(part);
            return true;
        } catch (OverlappingFileLockException e) {
            return false; // this process is writing it
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Creates the folder (0700), or closes an existing one to everyone but its owner. */
    void prepare() throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        }
        if (posix) {
            try {
                // group and others lose access; the owner's own bits stay as they are (a read-only folder stays read-only)
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir);
                if (permissions.removeIf(p -> !p.name().startsWith("OWNER_"))) {
                    Files.setPosixFilePermissions(dir, permissions);
                }
            } catch (IOException e) {
                // a folder owned by someone else: its permissions are theirs to choose
            }
        }
    }

    /** A file name not taken yet; a second backup within the same second gets a suffix. */
    String freshName(Instant when) {
        String stamp = "backup_" + STAMP.format(when);
        String name = stamp + ".sql";
        for (int i = 1; Files.exists(dir.resolve(name)) || Files.exists(part(name)); i++) {
            name = stamp + "_" + i + ".sql";
        }
        return name;
    }

    /** Where the backup is written until it is complete: a hidden name that never looks like a backup. */
    Path part(String name) {
        return dir.resolve("." + name + ".part");
    }

    /** Moves a finished file to its name and points latest.sql at it. */
    Path publish(Path part, String name) throws IOException {
        Path target = dir.resolve(name);
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        move(part, target);
        syncFolder();
        pointLatestAt(target);
        return target;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    void pointLatestAt(Path file) throws IOException {
        Path latest = dir.resolve(LATEST);
        Path temp = dir.resolve(".latest.sql.part");
        Files.deleteIfExists(temp);
        try {
            Files.createLink(temp, file);
        } catch (UnsupportedOperationException | IOException noHardLinks) {
            try {
                Files.createSymbolicLink(temp, file.getFileName());
            } catch (UnsupportedOperationException | IOException noSymbolicLinks) {
                Files.copy(file, temp, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        try {
            Files.move(temp, latest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, latest, StandardCopyOption.REPLACE_EXISTING);
        }
        syncFolder();
    }

    /** Makes the rename durable where the platform allows opening a folder (Linux, macOS). */
    private void syncFolder() {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a folder; NTFS journals the rename itself
        }
    }

    /** Every backup file, newest first; damaged ones too, with their problem. Removes what killed backups left first. */
    public List<BackupFile> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        removeLeftovers();
        List<BackupFile> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (NAME.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p)) {
                    all.add(BackupFile.inspect(p));
                }
            }
        } catch (IOException e) {
            throw new BackupException("cannot list the backup folder " + dir + ": " + e.getMessage(), e);
        }
        all.sort(Comparator.comparing(BackupFile::created).reversed().thenComparing(BackupFile::fileName, Comparator.reverseOrder()));
        return all;
    }

    /** The file latest.sql names, or latest.sql itself when its original is gone; empty when there is none. */
    public Optional<Path> latest() {
        Path latest = dir.resolve(LATEST);
        if (!Files.exists(latest)) {
            return Optional.empty();
        }
        try {
            if (Files.isSymbolicLink(latest)) {
                return Optional.of(latest.toRealPath());
            }
            List<BackupFile> all = list();
            for (BackupFile f : all) {
                if (Files.isSameFile(latest, f.path())) {
                    return Optional.of(f.path());
                }
            }
            // a copy: the manifest says which file it was made from
            BackupFile copy = BackupFile.inspect(latest);
            if (copy.manifest() != null) {
                for (BackupFile f : all) {
                    if (f.manifest() != null && f.fileName().equals(copy.manifest().file())
                            && f.manifest().created().equals(copy.manifest().created())) {
                        return Optional.of(f.path());
                    }
                }
            }
            return Optional.of(latest);
        } catch (NoSuchFileException e) {
            return Optional.empty(); // a dangling symbolic link
        } catch (IOException e) {
            return Optional.of(latest);
        }
    }

    /**
     * {@code latest}, a path (relative to the working folder), or a bare file name in this folder.
     * {@code backups/latest.sql} and {@code latest} both come back as the file latest.sql names.
     */
    public Path resolve(String what, Path workingDir) {
        if (what.equals("latest")) {
            return latest().orElseThrow(() -> new MigrateWatchException(ExitCode.BAD_INPUT, "there is no latest backup: " + dir
                    + " holds no " + LATEST + " (take one with migrate-watch db backup; list them with migrate-watch db backups)"));
        }
        Path given = Path.of(what);
        List<Path> candidates = given.isAbsolute() ? List.of(given) : List.of(workingDir.resolve(given), dir.resolve(given));
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                Path abs = p.toAbsolutePath().normalize();
                if (abs.getFileName().toString().equals(LATEST) && isThisFolder(abs.getParent())) {
                    return latest().orElse(abs);
                }
                return abs;
            }
        }
        throw new MigrateWatchException(ExitCode.BAD_INPUT, "no backup file " + what + " (looked in " + workingDir + " and " + dir
                + "); list the backups with migrate-watch db backups");
    }

    private boolean isThisFolder(Path folder) {
        try {
            return Files.isSameFile(folder, dir);
        } catch (IOException e) {
            return false;
        }
    }

    /** Deletes what the retention policy lets go, and temporary files left behind by killed processes. */
    List<Path> prune(Retention retention, Instant now) throws IOException {
        List<Path> deleted = new ArrayList<>();
        Path newest = latest().orElse(null);
        for (BackupFile f : retention.expired(list(), now)) {
            if (newest != null && Files.exists(newest) && Files.isSameFile(f.path(), newest)) {
                continue;
            }
            Files.deleteIfExists(f.path());
            deleted.add(f.path());
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String n = p.getFileName().toString();
                FileTime modified = Files.getLastModifiedTime(p);
                if (n.startsWith(".") && n.endsWith(".part") && modified.toInstant().isBefore(now.minus(STALE_PART))) {
                    Files.deleteIfExists(p);
                }
            }
        }
        return deleted;
    }
}
