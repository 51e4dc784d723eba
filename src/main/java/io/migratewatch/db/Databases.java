package io.migratewatch.db;

import io.migratewatch.config.ConfigurationException;
import io.migratewatch.config.Settings;

import java.util.function.Consumer;

/** Opens the database the settings name, or the embedded default when they name none. */
public final class Databases {

    private Databases() {
    }

    public static Database open(Settings.Database settings, Consumer<String> out) {
        if (settings.embedded()) {
            return EmbeddedDatabase.start(settings.embeddedDataDir(), settings.embeddedPort(), out);
        }
        try {
            return new Database(DatabaseUrl.parse(settings.url(), settings.user(),
                    settings.password() == null || settings.password().isEmpty() ? null : settings.password()));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("database.url: " + e.getMessage());
        }
    }
}
