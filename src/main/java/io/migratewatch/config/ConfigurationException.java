package io.migratewatch.config;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;

/** A setting that is unknown, of the wrong type or out of range: names the key and where it was set. */
public class ConfigurationException extends MigrateWatchException {

    public ConfigurationException(String message) {
        super(ExitCode.BAD_INPUT, message);
    }
}
