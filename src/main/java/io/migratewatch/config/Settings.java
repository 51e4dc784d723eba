package io.migratewatch.config;


import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Every setting, typed, after reference.conf, watcher.conf and the environment have been merged. */
public record Settings(Database database, Models models, Migrations migrations, Watcher watcher, Notifications notifications,
                       Backup backup, Path baseDir) {

    /** @param url empty when the embedded database is to be used */
    public record Database(String url, String user, String password, String schema, Duration lockTimeout,
                           Path embeddedDataDir, int embeddedPort) {

        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }

    /**
     * @param naming           {@code spring} or {@code hibernate}: the physical naming rules the application uses
     * @param hibernateVersion 6 or 7: the Hibernate major version whose schema defaults apply
     */
    public record Models(List<Path> paths, String naming, int hibernateVersion) {
    }

    public record Migrations(Path dir, String historyTable) {
    }

    /** The daemon: on/off, what it may do on its own, and its timing. */
    public record Watcher(boolean enabled, boolean autoGenerate, boolean autoApply, Duration debounce, Duration maxWait,
                          boolean fold) {
    }

    /** @param webhookUrl empty for none */
    public record Notifications(boolean terminal, boolean desktop, String webhookUrl) {
    }

    /** Backups before migrations, and the {@code db backup}/{@code db restore} commands. */
    public record Backup(boolean enabled, Path dir, int keep, BackupEngineChoice engine, String pgDumpPath,
                         List<String> pgDumpOptions) {
    }

    /** {@code backup.engine}: auto picks pg_dump when it is usable for the server, else the built-in engine. */
    public enum BackupEngineChoice { AUTO, PG_DUMP, BUILTIN }

    public Settings withBackup(Backup newBackup) {
        return new Settings(database, models, migrations, watcher, notifications, newBackup, baseDir);
    }
}
