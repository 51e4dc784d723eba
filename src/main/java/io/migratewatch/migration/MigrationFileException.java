package io.migratewatch.migration;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;

import java.nio.file.Path;

/** A migration file that cannot be read as one: names the file and line. */
public class MigrationFileException extends MigrateWatchException {

    public MigrationFileException(Path file, int line, String message) {
        super(ExitCode.BAD_INPUT, file + (line > 0 ? ":" + line : "") + ": " + message);
    }
}
