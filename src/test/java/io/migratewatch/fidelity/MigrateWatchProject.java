package io.migratewatch.fidelity;

import io.migratewatch.db.DatabaseUrl;
import io.migratewatch.config.SettingsLoader;
import io.migratewatch.source.Naming;
import io.migratewatch.source.ParsedModel;
import io.migratewatch.support.CliRun;
import io.migratewatch.workflow.Project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * A user's project around a model set: a folder holding {@code watcher.conf} (models.paths at the set's source
 * root, the naming, the Hibernate version, the migrations folder, no backups) and the migrations, driven through the real command line.
 */
public record MigrateWatchProject(Path folder, ModelSet set, Naming naming, int hibernateVersion) {

    public static MigrateWatchProject create(Path folder, ModelSet set, Naming naming, int hibernateVersion) {
        try {
            Files.createDirectories(folder);
            // a set whose application.yml names this run's naming leaves models.naming out: migrate-watch must find
            // it there (models.settings = auto); any other naming is set here and wins, as a user's watcher.conf does
            boolean fromApplication = ApplicationSettingsForHibernate.of(set).naming() == naming;
            Files.writeString(folder.resolve("watcher.conf"), """
                    models.paths = [%s]
                    %s
                    models.hibernate-version = %d
                    migrations.dir = "migrations"
                    backup.enabled = false
                    """.formatted(quoted(set.root().toString()),
                    fromApplication ? "" : "models.naming = \"" + naming.name().toLowerCase(Locale.ROOT) + "\"", hibernateVersion));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MigrateWatchProject(folder, set, naming, hibernateVersion);
    }

    /** {@code migrate-watch --database-url URL ARGS...} in the project folder. */
    public CliRun run(DatabaseUrl database, String... args) {
        return CliRun.in(folder, url(database), args);
    }

    /** The model as migrate-watch reads it: the schema, the warnings and the tables it leaves out. */
    public ParsedModel model() {
        // through the project's settings, as the command line reads them: the application's settings included
        try (Project project = new Project(SettingsLoader.load(folder.resolve("watcher.conf"), folder, Map.of(), null), line -> { })) {
            return project.models();
        }
    }

    // user and password in the query: the command line takes them out of the URL before it connects
    private static String url(DatabaseUrl database) {
        StringBuilder url = new StringBuilder(database.jdbcUrl()).append(database.jdbcUrl().contains("?") ? '&' : '?')
                .append("user=").append(URLEncoder.encode(database.user(), StandardCharsets.UTF_8));
        if (database.password() != null && !database.password().isEmpty()) {
            url.append("&password=").append(URLEncoder.encode(database.password(), StandardCharsets.UTF_8));
        }
        return url.toString();
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
