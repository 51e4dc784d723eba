package io.migratewatch.config;

import io.migratewatch.source.MappingOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Every setting, typed, after reference.conf, watcher.conf and the environment have been merged. */
public record Settings(Database database, Models models, Migrations migrations, Watcher watcher, Notifications notifications,
                       Path baseDir) {

    /** @param url empty when the embedded database is to be used */
    public record Database(String url, String user, String password, String schema, Duration lockTimeout,
                           Path embeddedDataDir, int embeddedPort) {

        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }

    public record Models(List<Path> paths, MappingOptions mapping) {
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

    public Settings withWatcher(Watcher newWatcher) {
        return new Settings(database, models, migrations, newWatcher, notifications, baseDir);
    }

    public Settings withNotifications(Notifications newNotifications) {
        return new Settings(database, models, migrations, watcher, newNotifications, baseDir);
    }
}
