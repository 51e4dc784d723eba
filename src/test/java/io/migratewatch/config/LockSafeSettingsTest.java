package io.migratewatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migratewatch.ExitCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrations.lock-safe}, {@code migrations.lock-timeout} and {@code migrations.statement-timeout}. */
class LockSafeSettingsTest {

    @TempDir
    Path tmp;

    @Test
    void defaultsAreAutoFiveSecondsAndNoStatementLimit() {
        Settings.Migrations m = SettingsLoader.load(null, tmp, Map.of(), null).migrations();
        assertThat(m.lockSafe()).isEqualTo(Settings.LockSafe.AUTO);
        assertThat(m.lockTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(m.statementTimeout()).isZero();
    }

    @Test
    void theFileAndTheEnvironmentSetThem() throws IOException {
        Files.writeString(tmp.resolve(SettingsLoader.DEFAULT_FILE), "migrations { lock-safe = on, lock-timeout = 2s, statement-timeout = 1m }\n");
        Settings.Migrations m = SettingsLoader.load(null, tmp, Map.of(), null).migrations();
        assertThat(m.lockSafe()).isEqualTo(Settings.LockSafe.ON);
        assertThat(m.lockTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(m.statementTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(SettingsLoader.load(null, tmp, Map.of("MIGRATIONS_LOCK_SAFE", "off"), null).migrations().lockSafe())
                .isEqualTo(Settings.LockSafe.OFF);
    }

    @Test
    void anUnknownValueIsABadInputThatNamesTheChoices() throws IOException {
        Path config = Files.writeString(tmp.resolve(SettingsLoader.DEFAULT_FILE), "migrations.lock-safe = sometimes\n");
        assertThatThrownBy(() -> SettingsLoader.load(config, tmp, Map.of(), null))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT))
                .hasMessageContaining("migrations.lock-safe must be auto, on or off, not 'sometimes'");
        Files.writeString(config, "migrations.lock-timeout = 0s\n");
        assertThatThrownBy(() -> SettingsLoader.load(config, tmp, Map.of(), null))
                .hasMessageContaining("migrations.lock-timeout must be longer than zero");
    }
}
