package io.migratewatch.config;

import io.migratewatch.source.MappingOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Every setting, typed, after reference.conf, watcher.conf and the environment have been merged. */
public record Settings(Database database, Models models, Migrations migrations, Path baseDir) {

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
}
