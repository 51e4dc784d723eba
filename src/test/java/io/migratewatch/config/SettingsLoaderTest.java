package io.migratewatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migratewatch.ExitCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {

    @TempDir
    Path tmp;

    private Path watcherConf(String text) throws IOException {
        return Files.writeString(tmp.resolve(SettingsLoader.DEFAULT_FILE), text);
    }

    private Settings load() {
        return SettingsLoader.load(null, tmp, Map.of(), null);
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertConfigError(Path config, String... messageParts) {
        return assertThatThrownBy(() -> SettingsLoader.load(config, tmp, Map.of(), null))
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((ConfigurationException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT))
                .hasMessageContainingAll(messageParts);
    }

    @Test
    void withoutWatcherConfEveryDefaultComesFromReferenceConf() {
        Settings s = load();

        assertThat(s.database().url()).isEmpty();
        assertThat(s.database().embedded()).isTrue();
        assertThat(s.database().user()).isEqualTo("postgres");
        assertThat(s.database().password()).isEmpty();
        assertThat(s.database().schema()).isEqualTo("public");
        assertThat(s.database().lockTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.database().embeddedDataDir()).isEqualTo(tmp.resolve(".migrate-watch/postgres"));
        assertThat(s.database().embeddedPort()).isEqualTo(54329);
        assertThat(s.models().paths()).containsExactly(tmp.resolve("src/main/java"));
        assertThat(s.models().naming()).isEqualTo("spring");
        assertThat(s.models().hibernateVersion()).isEqualTo(7);
        assertThat(s.migrations().dir()).isEqualTo(tmp.resolve("migrations"));
        assertThat(s.migrations().historyTable()).isEqualTo("migrate_watch_history");
        assertThat(s.baseDir()).isEqualTo(tmp);
    }

    @Test
    void watcherConfOverridesTheDefaults() throws IOException {
        watcherConf("""
                database {
                  url = "jdbc:postgresql://db.example:6543/shop"
                  user = "shop"
                  password = "s3cret"
                  schema = "shop"
                  lock-timeout = 5s
                  embedded.port = 55555
                  embedded.data-dir = "var/pg"
                }
                models {
                  paths = ["app/src/main/java", "lib/src/main/java"]
                  naming = "hibernate"
                  hibernate-version = 6
                }
                migrations.dir = "db/migrations"
                migrations.history-table = "schema_history"
                """);

        Settings s = load();

        assertThat(s.database().url()).isEqualTo("jdbc:postgresql://db.example:6543/shop");
        assertThat(s.database().embedded()).isFalse();
        assertThat(s.database().user()).isEqualTo("shop");
        assertThat(s.database().password()).isEqualTo("s3cret");
        assertThat(s.database().schema()).isEqualTo("shop");
        assertThat(s.database().lockTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.database().embeddedPort()).isEqualTo(55555);
        assertThat(s.database().embeddedDataDir()).isEqualTo(tmp.resolve("var/pg"));
        assertThat(s.models().paths()).containsExactly(tmp.resolve("app/src/main/java"), tmp.resolve("lib/src/main/java"));
        assertThat(s.models().naming()).isEqualTo("hibernate");
        assertThat(s.models().hibernateVersion()).isEqualTo(6);
        assertThat(s.migrations().dir()).isEqualTo(tmp.resolve("db/migrations"));
        assertThat(s.migrations().historyTable()).isEqualTo("schema_history");
    }

    @Test
    void settingsNotInWatcherConfKeepTheirDefaults() throws IOException {
        watcherConf("database.schema = \"shop\"\n");

        Settings s = load();

        assertThat(s.database().schema()).isEqualTo("shop");
        assertThat(s.database().user()).isEqualTo("postgres");
        assertThat(s.database().embeddedPort()).isEqualTo(54329);
        assertThat(s.migrations().dir()).isEqualTo(tmp.resolve("migrations"));
    }

    @Test
    void theEnvironmentOverridesWatcherConf() throws IOException {
        watcherConf("""
                database.url = "jdbc:postgresql://from-file:5432/app"
                database.user = "file_user"
                database.password = "file_password"
                database.schema = "file_schema"
                """);
        Map<String, String> env = Map.of(
                "DATABASE_URL", "postgres://env_user:env_pw@from-env:5433/app",
                "DATABASE_USER", "env_user",
                "DATABASE_PASSWORD", "env_password",
                "DATABASE_SCHEMA", "env_schema",
                "HOME", "/root");

        Settings s = SettingsLoader.load(null, tmp, env, null);

        assertThat(s.database().url()).isEqualTo("postgres://env_user:env_pw@from-env:5433/app");
        assertThat(s.database().user()).isEqualTo("env_user");
        assertThat(s.database().password()).isEqualTo("env_password");
        assertThat(s.database().schema()).isEqualTo("env_schema");
    }

    @Test
    void theEnvironmentAppliesWithoutAWatcherConfAndBlankVariablesAreIgnored() {
        Settings s = SettingsLoader.load(null, tmp, Map.of("DATABASE_URL", "jdbc:postgresql://h:1/db", "DATABASE_SCHEMA", "  "), null);

        assertThat(s.database().url()).isEqualTo("jdbc:postgresql://h:1/db");
        assertThat(s.database().embedded()).isFalse();
        assertThat(s.database().schema()).isEqualTo("public");
    }

    @Test
    void databaseUrlOptionOverridesTheEnvironmentAndWatcherConf() throws IOException {
        watcherConf("database.url = \"jdbc:postgresql://from-file:5432/app\"\n");

        Settings s = SettingsLoader.load(null, tmp, Map.of("DATABASE_URL", "jdbc:postgresql://from-env:5432/app"),
                "jdbc:postgresql://from-option:5432/app");

        assertThat(s.database().url()).isEqualTo("jdbc:postgresql://from-option:5432/app");
        assertThat(SettingsLoader.load(null, tmp, Map.of("DATABASE_URL", "jdbc:postgresql://from-env:5432/app"), "  ")
                .database().url()).isEqualTo("jdbc:postgresql://from-env:5432/app");
    }

    @Test
    void relativePathsResolveAgainstTheConfigFilesFolder() throws IOException {
        Path configDir = Files.createDirectories(tmp.resolve("deploy/conf"));
        Path config = Files.writeString(configDir.resolve("prod.conf"), """
                models.paths = ["../src/main/java", "/abs/models"]
                migrations.dir = "migrations"
                database.embedded.data-dir = "./data/pg"
                """);
        Path elsewhere = Files.createDirectories(tmp.resolve("somewhere/else"));

        Settings s = SettingsLoader.load(config, elsewhere, Map.of(), null);

        assertThat(s.baseDir()).isEqualTo(configDir);
        assertThat(s.models().paths()).containsExactly(tmp.resolve("deploy/src/main/java"), Path.of("/abs/models"));
        assertThat(s.migrations().dir()).isEqualTo(configDir.resolve("migrations"));
        assertThat(s.database().embeddedDataDir()).isEqualTo(configDir.resolve("data/pg"));
    }

    @Test
    void configOptionIsReadInsteadOfWatcherConf() throws IOException {
        watcherConf("database.schema = \"from_watcher_conf\"\n");
        Path other = Files.writeString(tmp.resolve("other.conf"), "database.schema = \"from_other\"\n");

        assertThat(SettingsLoader.load(other, tmp, Map.of(), null).database().schema()).isEqualTo("from_other");
    }

    @Test
    void aConfigOptionNamingAMissingFileIsAnError() {
        Path missing = tmp.resolve("nope.conf");

        assertConfigError(missing, missing.toString(), "does not exist");
    }

    @Test
    void anUnknownKeyNamesTheKeyTheFileAndTheLine() throws IOException {
        Path file = watcherConf("""
                database {
                  schema = "public"
                  pasword = "typo"
                }
                """);

        assertConfigError(null, file + ":3", "unknown setting 'database.pasword'");
    }

    @Test
    void anUnknownTopLevelKeyIsAnErrorToo() throws IOException {
        Path file = watcherConf("migrations.dir = \"m\"\nwatch.debounce = 5s\n");

        assertConfigError(null, file + ":2", "'watch.debounce'");
    }

    @Test
    void aWrongTypeNamesTheKey() throws IOException {
        Path file = watcherConf("database.embedded.port = \"abc\"\n");

        assertConfigError(null, "database.embedded.port", file.getFileName().toString());
    }

    @Test
    void otherWrongTypesNameTheirKeys() throws IOException {
        watcherConf("database.lock-timeout = \"soon\"\n");
        assertConfigError(null, "database.lock-timeout");

        watcherConf("models.paths = 5\n");
        assertConfigError(null, "models.paths");

        watcherConf("models.hibernate-version = \"seven\"\n");
        assertConfigError(null, "models.hibernate-version");
    }

    @Test
    void aNullValueIsAConfigurationErrorNamingTheKey() throws IOException {
        watcherConf("database.url = null\n");

        assertConfigError(null, "database.url");
    }

    @Test
    void portOutOfRangeIsAnError() throws IOException {
        watcherConf("database.embedded.port = 70000\n");

        assertConfigError(null, "database.embedded.port", "70000");
    }

    @Test
    void namingMustBeSpringOrHibernate() throws IOException {
        Path file = watcherConf("models.naming = \"camel\"\n");

        assertConfigError(null, "models.naming must be spring or hibernate", "'camel'", file.getFileName().toString());
        watcherConf("models.naming = \"Hibernate\"\n");
        assertThat(load().models().naming()).isEqualTo("hibernate");
    }

    @Test
    void hibernateVersionMustBeSixOrSeven() throws IOException {
        Path file = watcherConf("models.hibernate-version = 5\n");

        assertConfigError(null, "models.hibernate-version must be 6 or 7", "not 5", file.getFileName().toString());
    }

    @Test
    void emptySchemaOrHistoryTableIsAnError() throws IOException {
        watcherConf("database.schema = \"\"\n");
        assertConfigError(null, "database.schema cannot be empty");

        // the environment can still fill it in
        assertThat(SettingsLoader.load(null, tmp, Map.of("DATABASE_SCHEMA", "x"), null).database().schema()).isEqualTo("x");

        watcherConf("migrations.history-table = \"  \"\n");
        assertConfigError(null, "migrations.history-table cannot be empty");
    }

    @Test
    void aSyntaxErrorNamesTheFile() throws IOException {
        Path file = watcherConf("database {\n  url = \n");

        assertConfigError(null, "cannot read " + file);
    }

    @Test
    void watcherAndNotificationDefaults() {
        Settings s = load();

        assertThat(s.watcher().enabled()).isTrue();
        assertThat(s.watcher().autoGenerate()).isTrue();
        assertThat(s.watcher().autoApply()).isTrue();
        assertThat(s.watcher().debounce()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.watcher().maxWait()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.watcher().fold()).isTrue();
        assertThat(s.notifications().terminal()).isTrue();
        assertThat(s.notifications().webhookUrl()).isEmpty();
    }

    @Test
    void theSeedsSwitchesInTheEnvironmentOverrideWatcherConf() throws IOException {
        watcherConf("watcher { enabled = true, auto-generate = true, auto-apply = true }\n");

        Settings s = SettingsLoader.load(null, tmp, Map.of("MIGRATION_WATCHER", "false", "AUTO_GENERATE", "0", "AUTO_APPLY", " No "), null);

        assertThat(s.watcher().enabled()).isFalse();
        assertThat(s.watcher().autoGenerate()).isFalse();
        assertThat(s.watcher().autoApply()).isFalse();
        Settings on = SettingsLoader.load(null, tmp, Map.of("AUTO_APPLY", "yes", "AUTO_GENERATE", "1", "MIGRATION_WATCHER", "TRUE"), null);
        assertThat(on.watcher().autoApply()).isTrue();
        assertThat(on.watcher().autoGenerate()).isTrue();
        assertThat(on.watcher().enabled()).isTrue();
    }

    @Test
    void aSwitchThatIsNeitherTrueNorFalseNamesTheVariable() {
        assertThatThrownBy(() -> SettingsLoader.load(null, tmp, Map.of("AUTO_APPLY", "maybe"), null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("AUTO_APPLY=maybe")
                .hasMessageContaining("true or false");
    }

    @Test
    void webhookUrlFromTheEnvironment() {
        Settings s = SettingsLoader.load(null, tmp, Map.of("NOTIFY_WEBHOOK_URL", "https://hooks.example/abc"), null);

        assertThat(s.notifications().webhookUrl()).isEqualTo("https://hooks.example/abc");
    }

    @Test
    void aZeroDebounceIsAnErrorNamingTheKey() throws IOException {
        Path file = watcherConf("watcher.debounce = 0s\n");

        assertConfigError(null, "watcher.debounce must be longer than zero", file.getFileName().toString());
    }

    @Test
    void backupDefaults() {
        Settings.Backup b = load().backup();

        assertThat(b.enabled()).isTrue();
        assertThat(b.dir()).isEqualTo(tmp.resolve("backups"));
        assertThat(b.keep()).isEqualTo(20);
        assertThat(b.engine()).isEqualTo(Settings.BackupEngineChoice.AUTO);
        assertThat(b.pgDumpPath()).isEmpty();
        assertThat(b.pgDumpOptions()).as("owners and privileges are kept, as pg_dump keeps them").isEmpty();
    }

    @Test
    void backupSettingsFromWatcherConf() throws IOException {
        watcherConf("""
                backup {
                  enabled = false
                  dir = "var/backups"
                  keep = 3
                  engine = "pg-dump"
                  pg-dump-path = "tools/pg_dump"
                  pg-dump-options = ["--no-owner"]
                }
                """);

        Settings.Backup b = load().backup();

        assertThat(b.enabled()).isFalse();
        assertThat(b.dir()).isEqualTo(tmp.resolve("var/backups"));
        assertThat(b.keep()).isEqualTo(3);
        assertThat(b.engine()).isEqualTo(Settings.BackupEngineChoice.PG_DUMP);
        assertThat(b.pgDumpPath()).isEqualTo(tmp.resolve("tools/pg_dump").toString());
        assertThat(b.pgDumpOptions()).containsExactly("--no-owner");
        watcherConf("backup.engine = builtin\nbackup.pg-dump-path = pg_dump17\n");
        assertThat(load().backup().engine()).isEqualTo(Settings.BackupEngineChoice.BUILTIN);
        assertThat(load().backup().pgDumpPath()).as("a bare name is looked up on the PATH").isEqualTo("pg_dump17");
    }

    @Test
    void aWrongBackupEngineOrKeepNamesTheKey() throws IOException {
        Path file = watcherConf("backup.engine = \"mysqldump\"\n");
        assertConfigError(null, "backup.engine must be auto, pg-dump or builtin", "'mysqldump'", file.getFileName().toString());

        watcherConf("backup.keep = 0\n");
        assertConfigError(null, "backup.keep must be at least 1");

        watcherConf("backup.kept = 5\n");
        assertConfigError(null, "unknown setting 'backup.kept'");
    }

    @Test
    void theShippedExampleConfigurationLoads() {
        // watcher.conf at the project root is what a user copies first
        Path example = Path.of("watcher.conf").toAbsolutePath();

        Settings s = SettingsLoader.load(example, tmp, Map.of(), null);

        assertThat(s.baseDir()).isEqualTo(example.getParent());
        assertThat(s.models().paths()).isNotEmpty();
        assertThat(s.migrations().dir()).isEqualTo(example.getParent().resolve("migrations"));
        assertThat(List.of("spring", "hibernate")).contains(s.models().naming());
    }

    @Test
    void deployParallelismIsFourUnlessWatcherConfOrTheEnvironmentSaysAndMustBePositive() throws IOException {
        assertThat(load().deploy().parallelism()).isEqualTo(4);
        watcherConf("deploy.parallelism = 8\n");
        assertThat(load().deploy().parallelism()).isEqualTo(8);
        assertThat(SettingsLoader.load(null, tmp, Map.of("DEPLOY_PARALLELISM", "2"), null).deploy().parallelism()).isEqualTo(2);
        Path zero = watcherConf("deploy.parallelism = 0\n");
        assertConfigError(zero, "deploy.parallelism must be 1 or more, not 0");
    }
}
