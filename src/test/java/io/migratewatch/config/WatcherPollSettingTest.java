package io.migratewatch.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** watcher.poll and watcher.poll-interval, from reference.conf, watcher.conf and WATCHER_POLL / WATCHER_POLL_INTERVAL. */
class WatcherPollSettingTest {

    @TempDir
    Path tmp;

    private Settings.Watcher load(String watcherConf, Map<String, String> env) throws IOException {
        Files.writeString(tmp.resolve(SettingsLoader.DEFAULT_FILE), watcherConf);
        return SettingsLoader.load(null, tmp, env, null).watcher();
    }

    @Test
    void byDefaultThePollingDecisionIsAutomaticAndAPolledFolderIsReReadEverySecond() throws IOException {
        Settings.Watcher w = load("", Map.of());

        assertThat(w.poll()).isEqualTo(Settings.PollMode.AUTO);
        assertThat(w.pollInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void watcherConfSetsTrueOrFalseAndTheInterval() throws IOException {
        assertThat(load("watcher.poll = true\nwatcher.poll-interval = 250ms\n", Map.of()))
                .extracting(Settings.Watcher::poll, Settings.Watcher::pollInterval)
                .containsExactly(Settings.PollMode.ALWAYS, Duration.ofMillis(250));
        assertThat(load("watcher { poll = false }\n", Map.of()).poll()).isEqualTo(Settings.PollMode.NEVER);
        assertThat(load("watcher.poll = \"auto\"\n", Map.of()).poll()).isEqualTo(Settings.PollMode.AUTO);
    }

    @Test
    void theEnvironmentOverridesWatcherConf() throws IOException {
        Settings.Watcher w = load("watcher.poll = false\nwatcher.poll-interval = 5s\n",
                Map.of("WATCHER_POLL", "true", "WATCHER_POLL_INTERVAL", "2s"));

        assertThat(w.poll()).isEqualTo(Settings.PollMode.ALWAYS);
        assertThat(w.pollInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(load("", Map.of("WATCHER_POLL", "auto")).poll()).isEqualTo(Settings.PollMode.AUTO);
        assertThat(load("", Map.of("WATCHER_POLL", "0")).poll()).isEqualTo(Settings.PollMode.NEVER);
    }

    @Test
    void anotherWordIsAnErrorNamingTheFileTheKeyAndTheChoices() throws IOException {
        assertThatThrownBy(() -> load("watcher.poll = sometimes\n", Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContainingAll(SettingsLoader.DEFAULT_FILE, "watcher.poll must be auto, true or false, not 'sometimes'");
        assertThatThrownBy(() -> load("", Map.of("WATCHER_POLL", "always")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContainingAll("environment variable WATCHER_POLL", "not 'always'");
    }

    @Test
    void aZeroIntervalIsAnError() throws IOException {
        assertThatThrownBy(() -> load("watcher.poll-interval = 0s\n", Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("watcher.poll-interval must be longer than zero");
    }
}
