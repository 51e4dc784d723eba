package io.migratewatch.migration;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Builds migration files for tests: revisions are 12 hexadecimal digits, as the file format requires. */
final class Migrations {

    static final Instant T0 = Instant.parse("2026-08-19T14:30:22Z");

    private Migrations() {
    }

    /** A revision made of one repeated hex digit, e.g. rev('a') = "aaaaaaaaaaaa". */
    static String rev(char digit) {
        return String.valueOf(digit).repeat(12);
    }

    static MigrationFile migration(String revision, List<String> parents, int minutesAfterT0, String up, String down) {
        return new MigrationFile(Path.of("migrations", revision + ".sql"), revision, parents, "migration " + revision,
                T0.plusSeconds(60L * minutesAfterT0), "manual", up, down, 9, 12);
    }

    static MigrationFile migration(String revision, List<String> parents, int minutesAfterT0) {
        return migration(revision, parents, minutesAfterT0, "SELECT 1;", "SELECT 2;");
    }
}
