package io.migratewatch.backup;

import io.migratewatch.config.Settings;
import io.migratewatch.db.DatabaseUrl;

import java.util.Optional;

/**
 * Which engine backs up this server, and why: {@code backup.engine}, and for {@code auto} whether a
 * pg_dump is found whose major version is at least the server's (pg_dump refuses newer servers).
 */
public record EngineChoice(BackupEngine engine, String why) {

    public static EngineChoice of(Settings.Backup settings, DatabaseUrl url, int serverMajor, String pathVariable) {
        return switch (settings.engine()) {
            case BUILTIN -> new EngineChoice(new BuiltinEngine(), "backup.engine = builtin");
            case PG_DUMP -> {
                PgDump pgDump = PgDump.find(settings.pgDumpPath(), pathVariable).orElseThrow(() -> new BackupException(
                        "backup.engine = pg-dump, but there is no pg_dump on the PATH: install the PostgreSQL client tools ("
                                + serverMajor + " or newer), set backup.pg-dump-path, or set backup.engine = auto"));
                if (pgDump.major() < serverMajor) {
                    throw new BackupException("backup.engine = pg-dump, but " + pgDump.version() + " (" + pgDump.executable()
                            + ") cannot dump PostgreSQL " + serverMajor + ": install pg_dump " + serverMajor
                            + " or newer (and set backup.pg-dump-path), or set backup.engine = auto");
                }
                yield new EngineChoice(new PgDumpEngine(pgDump, url, settings.pgDumpOptions()), pgDump.version() + " at " + pgDump.executable());
            }
            case AUTO -> {
                Optional<PgDump> found = PgDump.find(settings.pgDumpPath(), pathVariable);
                if (found.isEmpty()) {
                    yield new EngineChoice(new BuiltinEngine(), "no pg_dump on the PATH");
                }
                PgDump pgDump = found.get();
                if (pgDump.major() < serverMajor) {
                    yield new EngineChoice(new BuiltinEngine(), "pg_dump " + pgDump.major() + " at " + pgDump.executable()
                            + " is older than the server (" + serverMajor + ")");
                }
                yield new EngineChoice(new PgDumpEngine(pgDump, url, settings.pgDumpOptions()), pgDump.version() + " at " + pgDump.executable());
            }
        };
    }
}
