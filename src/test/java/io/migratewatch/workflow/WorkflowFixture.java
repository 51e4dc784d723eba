package io.migratewatch.workflow;

import io.migratewatch.config.SettingsLoader;
import io.migratewatch.support.DatabaseFingerprint;
import io.migratewatch.support.TestDatabase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A project folder with entity sources and migrations, on a real database, for the use cases called directly. */
final class WorkflowFixture {

    final TestDatabase db;
    final Path dir;

    WorkflowFixture(TestDatabase db, Path dir) throws IOException, SQLException {
        this.db = db;
        this.dir = dir;
        db.execute("DROP SCHEMA public CASCADE", "CREATE SCHEMA public");
        config("");
        Files.createDirectories(dir.resolve("src/main/java/shop"));
    }

    void config(String extra) throws IOException {
        Files.writeString(dir.resolve("watcher.conf"), """
                models.paths = ["src/main/java"]
                migrations.dir = "migrations"
                backup.enabled = false
                """ + extra);
    }

    void entity(String name, String body) throws IOException {
        Files.writeString(dir.resolve("src/main/java/shop/" + name + ".java"), "package shop;\nimport jakarta.persistence.*;\n" + body);
    }

    /** Exactly these entities, by class name: the others are deleted. */
    void entities(Map<String, String> entities) throws IOException {
        Path folder = dir.resolve("src/main/java/shop");
        try (Stream<Path> list = Files.list(folder)) {
            for (Path p : list.toList()) {
                if (!entities.containsKey(p.getFileName().toString().replace(".java", ""))) {
                    Files.delete(p);
                }
            }
        }
        for (Map.Entry<String, String> e : entities.entrySet()) {
            entity(e.getKey(), e.getValue());
        }
    }

    void deleteEntity(String name) throws IOException {
        Files.delete(dir.resolve("src/main/java/shop/" + name + ".java"));
    }

    Project project() {
        return project(line -> { });
    }

    /** @param out where the project's progress lines go (a retry after a lock timeout, say) */
    Project project(java.util.function.Consumer<String> out) {
        return new Project(SettingsLoader.load(null, dir, Map.of("DATABASE_URL", db.jdbcUrl() + "?user=" + db.url().user()), null),
                out);
    }

    void sql(String... statements) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** The schema, its rows and sequence positions: equal before and after means nothing was changed. */
    Map<String, String> fingerprint() throws SQLException {
        try (Connection c = db.connect()) {
            return DatabaseFingerprint.of(c, "public");
        }
    }

    /** Every migration file's name and text. */
    Map<String, String> files() throws IOException {
        Path migrations = dir.resolve("migrations");
        Map<String, String> files = new TreeMap<>();
        if (Files.isDirectory(migrations)) {
            try (Stream<Path> list = Files.list(migrations)) {
                for (Path p : list.toList()) {
                    files.put(p.getFileName().toString(), Files.readString(p));
                }
            }
        }
        return files;
    }
}
