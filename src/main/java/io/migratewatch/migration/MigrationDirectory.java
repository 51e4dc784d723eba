package io.migratewatch.migration;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The folder of migration files ({@code migrations.dir}). */
public final class MigrationDirectory {

    private final Path dir;
    private final ParsedMigrations parsed;

    public MigrationDirectory(Path dir) {
        this(dir, new ParsedMigrations());
    }

    /** @param parsed files parsed before, reused while their text is the same */
    public MigrationDirectory(Path dir, ParsedMigrations parsed) {
        this.dir = dir;
        this.parsed = parsed;
    }

    public Path path() {
        return dir;
    }

    public List<MigrationFile> load() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<MigrationFile> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            List<Path> paths = list.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList();
            parsed.keepOnly(paths);
            for (Path p : paths) {
                files.add(parsed.parse(p, Files.readString(p, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new MigrateWatchException(ExitCode.BAD_INPUT, "cannot read migrations folder " + dir + ": " + e.getMessage(), e);
        }
        return files;
    }

    public RevisionGraph graph() {
        return RevisionGraph.of(load());
    }

    /** Writes a new migration file; the file appears whole or not at all. */
    public MigrationFile write(MigrationFile migration) {
        Path target = dir.resolve(MigrationFileFormat.fileName(migration.created(), migration.revision(), migration.description()));
        try {
            Files.createDirectories(dir);
            if (Files.exists(target)) {
                throw new MigrateWatchException(ExitCode.BAD_INPUT, target + " already exists: not overwriting it");
            }
            return replace(target, migration);
        } catch (IOException e) {
            throw new MigrateWatchException(ExitCode.BAD_INPUT, "cannot write a migration file in " + dir + ": " + e.getMessage()
                    + " (check that the folder exists, is writable and the disk has space)", e);
        }
    }

    /**
     * Replaces an existing migration file's content, whole or not at all; returns it as parsed back.
     * A new description renames the file to match (the revision, and so the history, stay the same).
     */
    public MigrationFile rewrite(MigrationFile migration) {
        try {
            Path current = migration.path();
            Path wanted = current.resolveSibling(MigrationFileFormat.fileName(migration.created(), migration.revision(), migration.description()));
            MigrationFile written = replace(Files.exists(wanted) ? current : wanted, migration);
            if (!written.path().equals(current)) {
                Files.deleteIfExists(current);
            }
            return written;
        } catch (IOException e) {
            throw new MigrateWatchException(ExitCode.BAD_INPUT, "cannot rewrite " + migration.path() + ": " + e.getMessage()
                    + " (check that the file is writable and the disk has space)", e);
        }
    }

    /** Writes to a temporary file beside the target and renames it over the target, so readers never see half a file. */
    private static MigrationFile replace(Path target, MigrationFile migration) throws IOException {
        String text = readableRendering(target, migration);
        Path temp = Files.createTempFile(target.getParent(), ".migration", ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        return MigrationFileFormat.parse(target, Files.readString(target, StandardCharsets.UTF_8));
    }

    /** Staged and temporary files a run that was killed left in the folder (see {@link StagedMigrationFile}). */
    public List<Path> leftovers() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> {
                String name = p.getFileName().toString();
                return name.endsWith(StagedMigrationFile.SUFFIX) || name.startsWith(".migration") && name.endsWith(".tmp");
            }).sorted().toList();
        } catch (IOException e) {
            throw new MigrateWatchException(ExitCode.BAD_INPUT, "cannot read migrations folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a migration's whole text as the database's history has it, in place of {@code current} (null when the
     * file is missing); the file name follows the text's description. Returns it as parsed back.
     */
    public MigrationFile restore(String text, Path current) {
        MigrationFile applied = MigrationFileFormat.parse(dir.resolve("history"), text);
        Path target = dir.resolve(MigrationFileFormat.fileName(applied.created(), applied.revision(), applied.description()));
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".migration", ".tmp");
            try {
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                Files.move(temp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
            if (current != null && !current.equals(target)) {
                Files.deleteIfExists(current);
            }
            return MigrationFileFormat.parse(target, Files.readString(target, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MigrateWatchException(ExitCode.BAD_INPUT, "cannot write " + target + ": " + e.getMessage()
                    + " (check that the folder is writable and the disk has space)", e);
        }
    }

    /**
     * The file's text, read back before it is written: a file migrate-watch could not read again (a
     * line break in a name that starts a line of its own, such as {@code -- +down}) would stop every
     * command until it is deleted, so it is never written.
     */
    static String readableRendering(Path target, MigrationFile migration) {
        String text = MigrationFileFormat.render(migration);
        String problem;
        try {
            MigrationFile back = MigrationFileFormat.parse(target, text);
            problem = !back.revision().equals(migration.revision()) || !back.parents().equals(migration.parents())
                    ? "its header reads back differently"
                    : !back.up().strip().equals(migration.up().strip()) ? "its up section reads back differently"
                    : !back.down().strip().equals(migration.down().strip()) ? "its down section reads back differently" : null;
        } catch (MigrationFileException e) {
            problem = e.getMessage();
        }
        if (problem != null) {
            throw new MigrateWatchException(ExitCode.BAD_INPUT, "refusing to write " + target.getFileName()
                    + ": migrate-watch could not read it back (" + problem + "). Nothing was written."
                    + " A name in the models probably holds a line break or another control character: rename it.");
        }
        return text;
    }

    public void delete(MigrationFile migration) {
        try {
            Files.deleteIfExists(migration.path());
        } catch (IOException e) {
            throw new MigrateWatchException(ExitCode.BAD_INPUT, "cannot delete " + migration.path() + ": " + e.getMessage(), e);
        }
    }
}
