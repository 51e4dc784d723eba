package io.migratewatch.fidelity;

import io.migratewatch.db.DatabaseUrl;
import io.migratewatch.source.MappingOptions;
import io.migratewatch.source.Naming;
import io.migratewatch.source.ParsedModel;
import io.migratewatch.source.SourceIndex;
import io.migratewatch.support.CliRun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A user's project around a model set: a folder holding {@code watcher.conf} (models.paths at the set's source
 * root, the naming, the migrations folder, no backups) and the migrations, driven through the real command line.
 */
public record MigrateWatchProject(Path folder, ModelSet set, Naming naming) {

    public static MigrateWatchProject create(Path folder, ModelSet set, Naming naming) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("watcher.conf"), """
                    models.paths = [%s]
                    models.naming = "%s"
                    models.hibernate-version = %d
                    migrations.dir = "migrations"
                    backup.enabled = false
                    """.formatted(quoted(set.root().toString()), naming.name().toLowerCase(Locale.ROOT), HibernateExport.VERSION));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MigrateWatchProject(folder, set, naming);
    }

    /** {@code migrate-watch --database-url URL ARGS...} in the project folder. */
    public CliRun run(DatabaseUrl database, String... args) {
        return CliRun.in(folder, url(database), args);
    }

    /** The model as migrate-watch reads it: the schema, the warnings and the tables it leaves out. */
    public ParsedModel model() {
        return SourceIndex.scan(List.of(set.root()), new MappingOptions(naming, HibernateExport.VERSION)).model();
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
