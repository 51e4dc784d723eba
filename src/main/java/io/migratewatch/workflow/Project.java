package io.migratewatch.workflow;

import io.migratewatch.backup.Backups;
import io.migratewatch.backup.Progress;
import io.migratewatch.config.Settings;
import io.migratewatch.db.Database;
import io.migratewatch.db.Databases;
import io.migratewatch.db.SchemaDatabase;
import io.migratewatch.diff.SchemaDiff;
import io.migratewatch.introspect.SchemaInspector;
import io.migratewatch.migration.AdvisoryLock;
import io.migratewatch.migration.HistoryTable;
import io.migratewatch.migration.MigrationDirectory;
import io.migratewatch.migration.MigrationRunner;
import io.migratewatch.migration.MigrationState;
import io.migratewatch.migration.ParsedMigrations;
import io.migratewatch.schema.Renames;
import io.migratewatch.schema.Schema;
import io.migratewatch.source.ApplicationSettings;
import io.migratewatch.source.ApplicationSettingsFiles;
import io.migratewatch.source.MappingOptions;
import io.migratewatch.source.Naming;
import io.migratewatch.source.ParsedModel;
import io.migratewatch.source.SourceIndex;
import io.migratewatch.sql.SqlRenderer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The shared core every use case works through: settings, the database (opened on first use),
 * the migrations folder, the history table, the model sources.
 */
public final class Project implements AutoCloseable {

    private final Settings settings;
    private final Consumer<String> out;
    private Database database;
    private boolean announced;
    /** The migration lock this thread holds, if any: use cases run inside another's lock share it. */
    private final ThreadLocal<MigrationLock> lock = new ThreadLocal<>();
    /** The migration files as last read: a daemon reads the folder on every change, mostly unchanged. */
    private final ParsedMigrations parsedMigrations = new ParsedMigrations();

    public Project(Settings settings, Consumer<String> out) {
        this.settings = settings;
        this.out = out;
    }

    /**
     * This project for another schema of its database, for a deploy to several schemas: the settings' schema is that
     * one (and with it the history table, the lock and the backup's scope), backups go to a folder of that name inside
     * {@code backup.dir}, and every connection has that schema alone on its search path. The database stays this
     * project's: closing the returned project leaves it open.
     */
    public Project forSchema(String schema, Consumer<String> schemaOut) {
        Settings.Backup b = settings.backup();
        Settings s = settings.withSchema(schema).withBackup(new Settings.Backup(b.enabled(), b.dir().resolve(folderFor(schema)), b.keep(),
                b.engine(), b.pgDumpPath(), b.pgDumpOptions()));
        Project p = new Project(s, schemaOut);
        p.database = new SchemaDatabase(database(), schema);
        return p;
    }

    /** A schema's name as a folder name: a quoted name may hold a slash or be "..", which must not leave backup.dir. */
    static String folderFor(String schema) {
        String folder = schema.replaceAll("[^\\p{L}\\p{N}_$-]", "_");
        return folder.isEmpty() ? "_" : folder;
    }

    public Settings settings() {
        return settings;
    }

    public Consumer<String> out() {
        return out;
    }

    public synchronized Database database() {
        if (database == null) {
            database = Databases.open(settings.database(), out);
        }
        return database;
    }

    public Connection connect() {
        return database().connect();
    }

    public MigrationDirectory migrations() {
        return new MigrationDirectory(settings.migrations().dir(), parsedMigrations);
    }

    public HistoryTable history() {
        return new HistoryTable(settings.database().schema(), settings.migrations().historyTable());
    }

    /** Applies migrations while this thread holds the migration lock ({@link #lock()}); refuses to run otherwise. */
    public MigrationRunner runner() {
        MigrationLock held = lock.get();
        return new MigrationRunner(history(), held == null ? null : held.held());
    }

    /**
     * Takes the session-level migration lock on a connection of its own, trying again until
     * {@code database.lock-timeout}: hold it, with try-with-resources, around a whole use case that
     * changes the database or its history, from reading what is pending to recording what was applied.
     * Taken again on a thread that holds it, it gives a nested handle and the outermost close releases it.
     *
     * @throws io.migratewatch.MigrateWatchException (exit 4) when another process held it for the whole timeout
     */
    public MigrationLock lock() throws SQLException {
        MigrationLock current = lock.get();
        if (current != null) {
            return current.nested();
        }
        Connection own = connect();
        try {
            AdvisoryLock.Held held = new AdvisoryLock(settings.database().schema(), settings.database().lockTimeout()).acquire(own);
            MigrationLock taken = new MigrationLock(own, held, lock::remove);
            lock.set(taken);
            return taken;
        } catch (SQLException | RuntimeException e) {
            own.close();
            throw e;
        }
    }

    public Backups backups() {
        return new Backups(settings.backup(), settings.database().schema(), database().url());
    }

    /** The backup step of a command or the daemon, with the settings' switches and no progress display. */
    public BackupStep backupBefore(String how) {
        return new BackupBeforeMigration(this, how, Progress.NONE);
    }

    /** A path as the user sees it: relative to the project folder when inside it. */
    public String display(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        return abs.startsWith(settings.baseDir()) ? settings.baseDir().relativize(abs).toString() : abs.toString();
    }

    public SqlRenderer renderer() {
        return new SqlRenderer(settings.database().schema());
    }

    public MigrationState state(Connection c) throws SQLException {
        return MigrationState.of(migrations().graph(), history().applied(c));
    }

    public ParsedModel models() {
        ApplicationSettings app = applicationSettings();
        if (!announced) {
            // said once per project (one command): what was taken from where
            announced = true;
            applicationSettingsNotes(app).forEach(out);
        }
        return SourceIndex.scan(settings.models().paths(), mappingOptions(app)).model();
    }

    /**
     * The mapping rules the settings select, in the parser's own terms: watcher.conf's, with the application's own
     * Hibernate settings ({@code models.settings}) where watcher.conf does not say ({@code models.naming} wins).
     *
     * @throws io.migratewatch.source.SourceException when an application settings file does not parse
     */
    public MappingOptions mappingOptions() {
        return mappingOptions(applicationSettings());
    }

    /** The same, from application settings the caller has just read. */
    public MappingOptions mappingOptions(ApplicationSettings app) {
        Naming naming = app.settings().naming() != null ? app.settings().naming() : Naming.of(settings.models().naming());
        return new MappingOptions(naming, settings.models().hibernateVersion(), app.settings(), settings.database().schema());
    }

    /**
     * The application's own Hibernate settings as {@code models.settings} finds them, read afresh (the daemon calls
     * this again when one of the files changes), without the naming when watcher.conf sets {@code models.naming}.
     */
    public ApplicationSettings applicationSettings() {
        Settings.ApplicationSettings choice = settings.models().applicationSettings();
        if (choice.off()) {
            return ApplicationSettings.NONE;
        }
        List<Path> files = choice.auto() ? ApplicationSettingsFiles.find(settings.models().paths(), settings.baseDir()) : choice.files();
        ApplicationSettings app = ApplicationSettingsFiles.read(files);
        return settings.models().namingGiven() ? app.withoutNaming() : app;
    }

    /**
     * What the application's settings say, for the info line and the warnings: where they come from and what was
     * taken, each setting migrate-watch does not follow, and a {@code hibernate.default_schema} or Envers'
     * {@code default_schema} other than the managed schema. Empty when there are no such files.
     */
    public List<String> applicationSettingsNotes(ApplicationSettings app) {
        List<String> notes = new ArrayList<>();
        String line = app.describe(this::display);
        if (line == null) {
            return notes;
        }
        notes.add(line);
        app.warnings().forEach(w -> notes.add("⚠ " + w.format()));
        String schema = app.settings().defaultSchema();
        if (schema != null && !schema.equalsIgnoreCase(settings.database().schema())) {
            // migrate-watch manages one schema (database.schema); following Hibernate elsewhere would split the history
            notes.add("⚠ the application's hibernate.default_schema is " + schema + ", but migrate-watch manages schema "
                    + settings.database().schema() + ": set database.schema = \"" + schema + "\" in watcher.conf to manage that one");
        }
        String audit = mappingOptions(app).otherAuditSchema();
        if (audit != null) {
            notes.add("⚠ the application's org.hibernate.envers.default_schema is " + audit + ": Envers creates the audit tables"
                    + " and its revision table REVINFO there, but migrate-watch manages schema " + settings.database().schema()
                    + ", so its migrations leave them out (REVINFO's sequence stays in " + settings.database().schema() + ")");
        }
        return notes;
    }

    public Schema inspect(Connection c) throws SQLException {
        return inspector().inspect(c);
    }

    /** Only the named tables (and every sequence). */
    public Schema inspect(Connection c, java.util.Collection<String> tables) throws SQLException {
        return inspector().restrictedTo(tables).inspect(c);
    }

    private SchemaInspector inspector() {
        return new SchemaInspector(settings.database().schema(), settings.migrations().historyTable());
    }

    /** Database → models: the changes a migration would need, leaving out tables the models cannot describe yet. */
    public SchemaDiff.Result compare(Connection c, ParsedModel model, Renames extraRenames) throws SQLException {
        return comparison(c, model, extraRenames).diff();
    }

    /** What the database has (without unmanaged tables) and the changes it needs. */
    public record Comparison(Schema have, SchemaDiff.Result diff) {
    }

    public Comparison comparison(Connection c, ParsedModel model, Renames extraRenames) throws SQLException {
        return comparison(inspect(c), model, extraRenames);
    }

    /** The same, from a schema the caller has just read. */
    public Comparison comparison(Schema live, ParsedModel model, Renames extraRenames) {
        Set<String> unmanaged = new HashSet<>(model.unmanagedTables());
        Schema have = live.without(unmanaged);
        Schema want = model.schema().without(unmanaged);
        return new Comparison(have, SchemaDiff.between(have, want, model.renames().plus(extraRenames)));
    }

    @Override
    public synchronized void close() {
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
