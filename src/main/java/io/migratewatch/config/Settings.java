package io.migratewatch.config;


import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Every setting, typed, after reference.conf, watcher.conf and the environment have been merged. */
public record Settings(Database database, Models models, Migrations migrations, Watcher watcher, Notifications notifications,
                       Backup backup, Environment environment, Deploy deploy, Path baseDir) {

    /** @param url empty when the embedded database is to be used */
    public record Database(String url, String user, String password, String schema, Duration lockTimeout,
                           Path embeddedDataDir, int embeddedPort) {

        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }

    /**
     * @param naming              {@code spring} or {@code hibernate}: the physical naming rules the application uses
     * @param hibernateVersion    6 or 7: the Hibernate major version whose schema defaults apply
     * @param namingGiven         true when watcher.conf sets {@code models.naming}: it then wins over the application's
     *                            naming strategies
     * @param applicationSettings {@code models.settings}: where the application's own Hibernate settings come from
     */
    public record Models(List<Path> paths, String naming, int hibernateVersion, boolean namingGiven,
                         ApplicationSettings applicationSettings) {

        public Models(List<Path> paths, String naming, int hibernateVersion) {
            this(paths, naming, hibernateVersion, true, ApplicationSettings.OFF);
        }
    }

    /**
     * {@code models.settings}: {@code auto} finds application.yml/.properties and META-INF/persistence.xml beside the
     * models, {@code off} reads none, a list names the files (lowest precedence first).
     *
     * @param files the named files; empty for auto and off
     */
    public record ApplicationSettings(boolean auto, List<Path> files) {

        public static final ApplicationSettings AUTO = new ApplicationSettings(true, List.of());
        public static final ApplicationSettings OFF = new ApplicationSettings(false, List.of());

        public ApplicationSettings {
            files = List.copyOf(files);
        }

        public boolean off() {
            return !auto && files.isEmpty();
        }
    }

    /**
     * @param lockBudget the lock-table entries one migration's transaction may take; 0 for three quarters of the
     *                   server's lock table
     */
    public record Migrations(Path dir, String historyTable, int lockBudget, LockSafe lockSafe, Duration lockTimeout,
                             Duration statementTimeout) {

        public Migrations(Path dir, String historyTable, int lockBudget) {
            this(dir, historyTable, lockBudget, LockSafe.AUTO, Duration.ofSeconds(5), Duration.ZERO);
        }
    }

    /**
     * {@code migrations.lock-safe}: whether migrations wait for table locks only briefly (and retry), and run index
     * builds and validations in steps that do not block the application. auto: on for deploy, and for upgrade when a
     * table of the schema holds rows.
     */
    public enum LockSafe { AUTO, ON, OFF }

    /**
     * The daemon: on/off, what it may do on its own, and its timing.
     *
     * @param poll         {@code watcher.poll}: look for changes by re-reading the folders instead of waiting for the
     *                     operating system's file events
     * @param pollInterval how often a polled folder is re-read
     */
    public record Watcher(boolean enabled, boolean autoGenerate, boolean autoApply, Duration debounce, Duration maxWait,
                          boolean fold, PollMode poll, Duration pollInterval) {
    }

    /**
     * {@code watcher.poll}: auto polls the folders on file systems that deliver no file events (a bind mount from a
     * macOS or Windows host into a container, a network share); true always polls; false never does.
     */
    public enum PollMode { AUTO, ALWAYS, NEVER }

    /** @param webhookUrl empty for none */
    public record Notifications(boolean terminal, boolean desktop, String webhookUrl) {
    }

    /** Backups before migrations, and the {@code db backup}/{@code db restore} commands. */
    public record Backup(boolean enabled, Path dir, int keep, BackupEngineChoice engine, String pgDumpPath,
                         List<String> pgDumpOptions) {
    }

    /** {@code backup.engine}: auto picks pg_dump when it is usable for the server, else the built-in engine. */
    public enum BackupEngineChoice { AUTO, PG_DUMP, BUILTIN }

    /**
     * {@code environment}: development (the daemon and generate write migrations) or production (only reviewed, committed
     * migrations are applied, by {@code deploy}).
     *
     * @param source what decided it, for messages: {@code MIGRATE_WATCH_ENV=production}, {@code SPRING_PROFILES_ACTIVE=prod}, ...
     */
    public record Environment(boolean production, String source) {

        public String name() {
            return production ? "production" : "development";
        }
    }

    /**
     * {@code deploy}: limits on the migration's statements and retries of a lock timeout.
     *
     * @param statementTimeout zero for none
     * @param parallelism      how many schemas a deploy to several schemas ({@code --schemas}) migrates at once
     */
    public record Deploy(Duration lockTimeout, Duration statementTimeout, int retries, int parallelism) {

        public Deploy(Duration lockTimeout, Duration statementTimeout, int retries) {
            this(lockTimeout, statementTimeout, retries, 4);
        }
    }

    /** The same settings for another schema of the same database (a deploy to several schemas). */
    public Settings withSchema(String schema) {
        Database d = new Database(database.url(), database.user(), database.password(), schema, database.lockTimeout(),
                database.embeddedDataDir(), database.embeddedPort());
        return new Settings(d, models, migrations, watcher, notifications, backup, environment, deploy, baseDir);
    }

    public Settings withBackup(Backup newBackup) {
        return new Settings(database, models, migrations, watcher, notifications, newBackup, environment, deploy, baseDir);
    }
}
