package io.migratewatch.migration;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A migration file's new text, written under a hidden temporary name beside the file it becomes, and moved into
 * place only once the database has it: a run that stops before that leaves the migrations folder as it was (the
 * temporary file is removed on {@link #close()}, or at the next start when the process was killed).
 */
public final class StagedMigrationFile implements AutoCloseable {

    /** How staged files end; the folder's loader reads only {@code .sql} files, so a staged one is never taken for a migration. */
    public static final String SUFFIX = ".staged";

    private final Path staged;
    private final Path replaces;
    private final MigrationFile migration;
    private boolean placed;

    private StagedMigrationFile(Path staged, Path replaces, MigrationFile migration) {
        this.staged = staged;
        this.replaces = replaces;
        this.migration = migration;
    }

    /**
     * Writes {@code migration} beside its final place: the file name its description gives, in {@code dir}.
     *
     * @param replaces the file it takes the place of (a fold), or null for a new migration
     */
    public static StagedMigrationFile write(Path dir, MigrationFile migration, Path replaces) {
        Path target = dir.resolve(MigrationFileFormat.fileName(migration.created(), migration.revision(), migration.description()));
        if (replaces == null && Files.exists(target)) {
            throw new MigrateWatchException(ExitCode.BAD_INPUT, target + " already exists: not overwriting it");
        }
        Path staged = dir.resolve("." + target.getFileName() + SUFFIX);
        String text = MigrationDirectory.readableRendering(target, migration);
        try {
            Files.createDirectories(dir);
            Files.writeString(staged, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            deleteQuietly(staged);
            throw new MigrateWatchException(ExitCode.BAD_INPUT, "cannot write a migration file in " + dir + ": " + e.getMessage()
                    + " (check that the folder exists, is writable and the disk has space). Nothing was applied.", e);
        }
        MigrationFile placedAs = new MigrationFile(target, migration.revision(), migration.parents(), migration.description(),
                migration.created(), migration.generated(), migration.up(), migration.down(), migration.upLine(),
                migration.downLine(), migration.sealed());
        return new StagedMigrationFile(staged, replaces, placedAs);
    }

    /** The migration as it will be once placed (its path is the final one). */
    public MigrationFile migration() {
        return migration;
    }

    public Path stagedPath() {
        return staged;
    }

    /**
     * Moves the new text into place. A fold replaces the old file's content first and renames it second, so that at
     * no moment two files hold the same revision. Returns the file as parsed back.
     */
    public MigrationFile place() {
        Path target = migration.path();
        try {
            if (replaces != null && !replaces.equals(target)) {
                Files.move(staged, replaces, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                Files.move(replaces, target, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            placed = true;
            return MigrationFileFormat.parse(target, Files.readString(target, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MigrateWatchException(ExitCode.BAD_INPUT, "the database has migration " + migration.shortRevision()
                    + " but its file could not be written: " + e.getMessage()
                    + "\n  Fix the migrations folder (writable, disk space): the daemon writes the file from the database's"
                    + " history at its next run.", e);
        }
    }

    /** Removes the staged text unless it was placed: nothing of an unfinished run stays behind. */
    @Override
    public void close() {
        if (!placed) {
            deleteQuietly(staged);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // left for the next start, which removes staged files
        }
    }
}
