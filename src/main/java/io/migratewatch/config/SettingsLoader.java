package io.migratewatch.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loads {@link Settings}: reference.conf (every default) under watcher.conf (or --config FILE)
 * under the environment. Unknown keys and wrong types are errors naming the key and the file.
 */
public final class SettingsLoader {

    public static final String DEFAULT_FILE = "watcher.conf";

    /** Environment variables and the keys they set. */
    private static final Map<String, String> ENVIRONMENT = Map.ofEntries(
            Map.entry("DATABASE_URL", "database.url"),
            Map.entry("DATABASE_USER", "database.user"),
            Map.entry("DATABASE_PASSWORD", "database.password"),
            Map.entry("DATABASE_SCHEMA", "database.schema"),
            Map.entry("NOTIFY_WEBHOOK_URL", "notify.webhook-url"),
            Map.entry("WATCHER_POLL", "watcher.poll"),
            Map.entry("WATCHER_POLL_INTERVAL", "watcher.poll-interval"),
            Map.entry("MIGRATE_WATCH_ENV", "environment"),
            Map.entry("DEPLOY_LOCK_TIMEOUT", "deploy.lock-timeout"),
            Map.entry("DEPLOY_STATEMENT_TIMEOUT", "deploy.statement-timeout"),
            Map.entry("DEPLOY_RETRIES", "deploy.retries"),
            Map.entry("DEPLOY_PARALLELISM", "deploy.parallelism"),
            Map.entry("MIGRATIONS_LOCK_SAFE", "migrations.lock-safe"));

    /** The docker-compose seed's switches: true/false/1/0/yes/no. */
    private static final Map<String, String> FLAGS = Map.of(
            "MIGRATION_WATCHER", "watcher.enabled",
            "AUTO_GENERATE", "watcher.auto-generate",
            "AUTO_APPLY", "watcher.auto-apply");

    private SettingsLoader() {
    }

    /**
     * @param configFile   the file given with --config, or null to use ./watcher.conf when it exists
     * @param workingDir   where relative paths of a missing config file resolve
     * @param env          the environment
     * @param databaseUrl  --database-url, or null
     */
    public static Settings load(Path configFile, Path workingDir, Map<String, String> env, String databaseUrl) {
        Config reference = ConfigFactory.parseResources(SettingsLoader.class.getClassLoader(), "reference.conf");
        Path file = configFile != null ? configFile : workingDir.resolve(DEFAULT_FILE);
        if (configFile != null && !Files.isRegularFile(configFile)) {
            throw new ConfigurationException("configuration file " + configFile + " does not exist");
        }
        Config user = ConfigFactory.empty();
        Path baseDir = workingDir;
        if (Files.isRegularFile(file)) {
            try {
                user = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF).setAllowMissing(false));
            } catch (ConfigException e) {
                throw new ConfigurationException("cannot read " + file + ": " + e.getMessage());
            }
            checkKnownKeys(user, reference, file);
            baseDir = file.toAbsolutePath().getParent();
        }
        Config merged = user;
        for (var entry : ENVIRONMENT.entrySet()) {
            String value = env.get(entry.getKey());
            if (value != null && !value.isBlank()) {
                merged = merged.withValue(entry.getValue(), ConfigValueFactory.fromAnyRef(value, "environment variable " + entry.getKey()));
            }
        }
        for (var entry : FLAGS.entrySet()) {
            String value = env.get(entry.getKey());
            if (value != null && !value.isBlank()) {
                merged = merged.withValue(entry.getValue(),
                        ConfigValueFactory.fromAnyRef(flag(entry.getKey(), value), "environment variable " + entry.getKey()));
            }
        }
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            merged = merged.withValue("database.url", ConfigValueFactory.fromAnyRef(databaseUrl, "--database-url"));
        }
        Config config;
        try {
            config = merged.withFallback(reference).resolve();
        } catch (ConfigException e) {
            throw new ConfigurationException(e.getMessage());
        }
        return toSettings(config, baseDir, merged.hasPath("models.naming"), env);
    }

    private static void checkKnownKeys(Config user, Config reference, Path file) {
        for (Map.Entry<String, ConfigValue> e : user.entrySet()) {
            if (!reference.hasPathOrNull(e.getKey())) {
                ConfigOrigin origin = e.getValue().origin();
                throw new ConfigurationException(file + (origin.lineNumber() > 0 ? ":" + origin.lineNumber() : "")
                        + ": unknown setting '" + e.getKey() + "' (the settings are listed in the README under Configuration)");
            }
        }
    }

    private static Settings toSettings(Config c, Path baseDir, boolean namingGiven, Map<String, String> env) {
        try {
            Settings.Database database = new Settings.Database(
                    c.getString("database.url"), c.getString("database.user"), c.getString("database.password"),
                    nonBlank(c, "database.schema"), c.getDuration("database.lock-timeout"),
                    baseDir.resolve(c.getString("database.embedded.data-dir")).normalize(),
                    port(c, "database.embedded.port"));
            List<Path> paths = new ArrayList<>();
            for (String p : c.getStringList("models.paths")) {
                paths.add(baseDir.resolve(p).normalize());
            }
            String naming = switch (c.getString("models.naming").trim().toLowerCase(Locale.ROOT)) {
                case "spring" -> "spring";
                case "hibernate" -> "hibernate";
                default -> throw new ConfigurationException(where(c, "models.naming")
                        + "models.naming must be spring or hibernate, not '" + c.getString("models.naming") + "'");
            };
            int version = c.getInt("models.hibernate-version");
            if (version != 6 && version != 7) {
                throw new ConfigurationException(where(c, "models.hibernate-version") + "models.hibernate-version must be 6 or 7, not " + version);
            }
            Settings.Models models = new Settings.Models(List.copyOf(paths), naming, version, namingGiven, applicationSettings(c, baseDir));
            Settings.Migrations migrations = new Settings.Migrations(
                    baseDir.resolve(c.getString("migrations.dir")).normalize(), nonBlank(c, "migrations.history-table"),
                    lockBudget(c), lockSafe(c), positive(c, "migrations.lock-timeout"),
                    notNegative(c, "migrations.statement-timeout"));
            Settings.Watcher watcher = new Settings.Watcher(c.getBoolean("watcher.enabled"), c.getBoolean("watcher.auto-generate"),
                    c.getBoolean("watcher.auto-apply"), positive(c, "watcher.debounce"), positive(c, "watcher.max-wait"),
                    c.getBoolean("watcher.fold"), pollMode(c), positive(c, "watcher.poll-interval"));
            Settings.Notifications notifications = new Settings.Notifications(c.getBoolean("notify.terminal"), c.getBoolean("notify.desktop"),
                    c.getString("notify.webhook-url"));
            return new Settings(database, models, migrations, watcher, notifications, backup(c, baseDir), environment(c, env),
                    deploy(c), baseDir);
        } catch (ConfigException e) { // wrong type, bad value, or a key set to null
            throw new ConfigurationException(e.getMessage());
        }
    }

    /** {@code models.settings}: "auto", "off", or a list of files, which must exist. */
    private static Settings.ApplicationSettings applicationSettings(Config c, Path baseDir) {
        String key = "models.settings";
        if (c.getValue(key).valueType() == com.typesafe.config.ConfigValueType.LIST) {
            List<Path> files = new ArrayList<>();
            for (String f : c.getStringList(key)) {
                Path file = baseDir.resolve(f).normalize();
                if (!Files.isRegularFile(file)) {
                    throw new ConfigurationException(where(c, key) + key + " names " + f + ", which does not exist ("
                            + file + ")");
                }
                files.add(file);
            }
            return new Settings.ApplicationSettings(false, files);
        }
        return switch (c.getString(key).trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> Settings.ApplicationSettings.AUTO;
            case "off" -> Settings.ApplicationSettings.OFF;
            default -> throw new ConfigurationException(where(c, key) + key + " must be auto, off or a list of files, not '"
                    + c.getString(key) + "'");
        };
    }

    /** {@code watcher.poll}: auto, or a switch (a HOCON boolean, or the words the environment's switches accept). */
    private static Settings.PollMode pollMode(Config c) {
        String key = "watcher.poll";
        String value = c.getString(key).trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "auto" -> Settings.PollMode.AUTO;
            case "true", "1", "yes", "on" -> Settings.PollMode.ALWAYS;
            case "false", "0", "no", "off" -> Settings.PollMode.NEVER;
            default -> throw new ConfigurationException(where(c, key) + key + " must be auto, true or false, not '"
                    + c.getString(key) + "'");
        };
    }

    private static Settings.Backup backup(Config c, Path baseDir) {
        Settings.BackupEngineChoice engine = switch (c.getString("backup.engine").trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> Settings.BackupEngineChoice.AUTO;
            case "pg-dump", "pg_dump" -> Settings.BackupEngineChoice.PG_DUMP;
            case "builtin" -> Settings.BackupEngineChoice.BUILTIN;
            default -> throw new ConfigurationException(where(c, "backup.engine")
                    + "backup.engine must be auto, pg-dump or builtin, not '" + c.getString("backup.engine") + "'");
        };
        int keep = c.getInt("backup.keep");
        if (keep < 1) {
            throw new ConfigurationException(where(c, "backup.keep") + "backup.keep must be at least 1, not " + keep
                    + " (the newest backup is always kept)");
        }
        // a path resolves like every other path; a bare name (pg_dump17) is looked up on the PATH
        String pgDump = c.getString("backup.pg-dump-path").trim();
        if (pgDump.contains("/") || pgDump.contains(java.io.File.separator)) {
            pgDump = baseDir.resolve(pgDump).normalize().toString();
        }
        return new Settings.Backup(c.getBoolean("backup.enabled"), baseDir.resolve(nonBlank(c, "backup.dir")).normalize(), keep, engine,
                pgDump, List.copyOf(c.getStringList("backup.pg-dump-options")));
    }

    /**
     * {@code environment} (or MIGRATE_WATCH_ENV) when set; else production when the platform says so
     * (SPRING_PROFILES_ACTIVE naming a prod profile, RAILWAY_ENVIRONMENT_NAME=production); else development.
     */
    static Settings.Environment environment(Config c, Map<String, String> env) {
        String key = "environment";
        String value = c.getString(key).trim().toLowerCase(Locale.ROOT);
        String source = c.getValue(key).origin().description().contains("MIGRATE_WATCH_ENV")
                ? "MIGRATE_WATCH_ENV=" + c.getString(key).trim() : "environment = " + c.getString(key).trim();
        switch (value) {
            case "production", "prod" -> {
                return new Settings.Environment(true, source);
            }
            case "development", "dev" -> {
                return new Settings.Environment(false, source);
            }
            case "" -> {
                // not set: what the platform says
            }
            default -> throw new ConfigurationException(where(c, key) + key + " must be development or production, not '"
                    + c.getString(key) + "'");
        }
        String profiles = env.getOrDefault("SPRING_PROFILES_ACTIVE", "");
        for (String profile : profiles.split(",")) {
            if (profile.trim().toLowerCase(Locale.ROOT).startsWith("prod")) {
                return new Settings.Environment(true, "SPRING_PROFILES_ACTIVE=" + profiles.trim());
            }
        }
        String railway = env.getOrDefault("RAILWAY_ENVIRONMENT_NAME", "").trim();
        if (railway.equalsIgnoreCase("production")) {
            return new Settings.Environment(true, "RAILWAY_ENVIRONMENT_NAME=" + railway);
        }
        return new Settings.Environment(false, "the default");
    }

    private static Settings.Deploy deploy(Config c) {
        int retries = c.getInt("deploy.retries");
        if (retries < 0) {
            throw new ConfigurationException(where(c, "deploy.retries") + "deploy.retries must be 0 or more, not " + retries);
        }
        java.time.Duration statementTimeout = c.getDuration("deploy.statement-timeout");
        if (statementTimeout.isNegative()) {
            throw new ConfigurationException(where(c, "deploy.statement-timeout") + "deploy.statement-timeout cannot be negative (0 means none)");
        }
        int parallelism = c.getInt("deploy.parallelism");
        if (parallelism < 1) {
            throw new ConfigurationException(where(c, "deploy.parallelism") + "deploy.parallelism must be 1 or more, not " + parallelism);
        }
        return new Settings.Deploy(positive(c, "deploy.lock-timeout"), statementTimeout, retries, parallelism);
    }

    static boolean flag(String variable, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new ConfigurationException("environment variable " + variable + "=" + value
                    + " is not a switch: use true or false (1/0, yes/no also work)");
        };
    }

    private static java.time.Duration positive(Config c, String key) {
        java.time.Duration d = c.getDuration(key);
        if (d.isNegative() || d.isZero()) {
            throw new ConfigurationException(where(c, key) + key + " must be longer than zero");
        }
        return d;
    }

    private static Settings.LockSafe lockSafe(Config c) {
        String key = "migrations.lock-safe";
        String value = c.getString(key).trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "auto" -> Settings.LockSafe.AUTO;
            case "on", "true", "yes" -> Settings.LockSafe.ON;
            case "off", "false", "no" -> Settings.LockSafe.OFF;
            default -> throw new ConfigurationException(where(c, key) + key + " must be auto, on or off, not '" + c.getString(key) + "'");
        };
    }

    private static java.time.Duration notNegative(Config c, String key) {
        java.time.Duration d = c.getDuration(key);
        if (d.isNegative()) {
            throw new ConfigurationException(where(c, key) + key + " cannot be negative (0 means none)");
        }
        return d;
    }

    /** {@code migrations.lock-budget}: auto (0) or a positive number of lock-table entries. */
    private static int lockBudget(Config c) {
        String key = "migrations.lock-budget";
        String value = c.getString(key).trim();
        if (value.equalsIgnoreCase("auto")) {
            return 0;
        }
        try {
            int entries = Integer.parseInt(value);
            if (entries > 0) {
                return entries;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new ConfigurationException(where(c, key) + key + " must be auto or a positive number of lock-table entries, not '" + value + "'");
    }

    private static int port(Config c, String key) {
        int port = c.getInt(key);
        if (port < 1 || port > 65535) {
            throw new ConfigurationException(where(c, key) + key + " must be a port number (1-65535), not " + port);
        }
        return port;
    }

    private static String nonBlank(Config c, String key) {
        String value = c.getString(key);
        if (value.isBlank()) {
            throw new ConfigurationException(where(c, key) + key + " cannot be empty");
        }
        return value;
    }

    private static String where(Config c, String key) {
        ConfigOrigin origin = c.getValue(key).origin();
        return origin.description() + ": ";
    }
}
