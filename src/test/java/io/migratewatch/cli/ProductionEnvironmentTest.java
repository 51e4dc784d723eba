package io.migratewatch.cli;

import io.migratewatch.support.CliRun;
import io.migratewatch.support.MigrationFiles;
import io.migratewatch.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code environment = production}: how it is decided, and what it refuses or asks to confirm. */
class ProductionEnvironmentTest {

    private static TestDatabase db;

    @TempDir
    Path project;

    @BeforeAll
    static void database() {
        db = TestDatabase.create("prod");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @BeforeEach
    void freshProject() throws IOException {
        db.execute("DROP SCHEMA public CASCADE", "CREATE SCHEMA public");
        Files.writeString(project.resolve("watcher.conf"), "models.paths = [\"src/main/java\"]\nmigrations.dir = \"migrations\"\n");
        Path entity = project.resolve("src/main/java/shop/Customer.java");
        Files.createDirectories(entity.getParent());
        Files.writeString(entity, """
                package shop;
                import jakarta.persistence.*;
                @Entity
                public class Customer {
                    @Id private Long id;
                }
                """);
    }

    private CliRun run(Map<String, String> env, String... args) {
        return CliRun.in(project, env, db.jdbcUrl() + "?user=" + db.url().user(), args);
    }

    @Test
    void productionRefusesToGenerateOrWatchAndNamesDeploy() {
        CliRun generate = run(Map.of("MIGRATE_WATCH_ENV", "production"), "generate", "x");
        assertThat(generate.exitCode()).isEqualTo(2);
        assertThat(generate.err()).contains("✗ generate does not run in production (MIGRATE_WATCH_ENV=production): write migrations in"
                + " development, commit them, and apply them here with migrate-watch deploy");
        assertThat(project.resolve("migrations")).doesNotExist();

        CliRun start = run(Map.of("SPRING_PROFILES_ACTIVE", "cloud,prod-eu"), "start");
        assertThat(start.exitCode()).isEqualTo(2);
        assertThat(start.err()).contains("✗ the watcher (migrate-watch start) does not run in production (SPRING_PROFILES_ACTIVE=cloud,prod-eu)");

        CliRun railway = run(Map.of("RAILWAY_ENVIRONMENT_NAME", "production"), "generate", "x");
        assertThat(railway.err()).contains("does not run in production (RAILWAY_ENVIRONMENT_NAME=production)");

        CliRun explicit = run(Map.of("MIGRATE_WATCH_ENV", "development", "RAILWAY_ENVIRONMENT_NAME", "production"), "generate", "x");
        assertThat(explicit.exitCode()).as("MIGRATE_WATCH_ENV wins over the platform's variables").isZero();

        CliRun staging = run(Map.of("RAILWAY_ENVIRONMENT_NAME", "staging", "SPRING_PROFILES_ACTIVE", "dev"), "diff");
        assertThat(staging.err()).doesNotContain("production");

        CliRun wrong = run(Map.of("MIGRATE_WATCH_ENV", "prodution"), "status");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("environment must be development or production, not 'prodution'");
    }

    @Test
    void productionDowngradeNeedsYes() throws IOException {
        MigrationFiles.write(project.resolve("migrations"), "abcd00000001", null, "customer", 1,
                "CREATE TABLE \"customer\" (\"id\" bigint PRIMARY KEY);", "DROP TABLE \"customer\";");
        Map<String, String> production = Map.of("MIGRATE_WATCH_ENV", "production");
        assertThat(run(production, "deploy").exitCode()).isZero();

        CliRun refused = run(production, "downgrade", "--steps", "1");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("Run it again with --yes: migrate-watch downgrade --steps 1 --yes");
        assertThat(db.queryLong("select count(*) from pg_tables where tablename = 'customer'")).isEqualTo(1);

        assertThat(run(production, "downgrade", "--steps", "1", "--sql").exitCode()).as("printing SQL changes nothing").isZero();
        CliRun confirmed = run(production, "downgrade", "--steps", "1", "--yes");
        assertThat(confirmed.exitCode()).as(confirmed.toString()).isZero();
        assertThat(db.queryLong("select count(*) from pg_tables where tablename = 'customer'")).isZero();
    }

    @Test
    void productionRestoreNeedsYesAsDowngradeAndStampDo() throws IOException {
        MigrationFiles.write(project.resolve("migrations"), "abcd00000001", null, "customer", 1,
                "CREATE TABLE \"customer\" (\"id\" bigint PRIMARY KEY);", "DROP TABLE \"customer\";");
        Map<String, String> production = Map.of("MIGRATE_WATCH_ENV", "production");
        assertThat(run(production, "deploy").exitCode()).isZero();
        db.execute("INSERT INTO customer VALUES (1)");
        CliRun backup = run(production, "db", "backup");
        assertThat(backup.exitCode()).as(backup.toString()).isZero();
        db.execute("INSERT INTO customer VALUES (2)");

        CliRun refused = run(production, "db", "restore", "latest");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("this is production (MIGRATE_WATCH_ENV=production): db restore latest changes the database's"
                + " history or schema, so it needs confirming. Nothing was changed.",
                "Run it again with --yes: migrate-watch db restore latest --yes").doesNotContain("no terminal");
        assertThat(db.queryLong("select count(*) from customer")).as("nothing restored").isEqualTo(2);

        CliRun stamp = run(production, "stamp", "base");
        assertThat(stamp.exitCode()).isEqualTo(2);
        assertThat(stamp.err()).contains("Run it again with --yes: migrate-watch stamp base --yes");
        assertThat(db.queryLong("select count(*) from migrate_watch_history")).isEqualTo(1);

        CliRun confirmed = run(production, "db", "restore", "latest", "--yes");
        assertThat(confirmed.exitCode()).as(confirmed.toString()).isZero();
        assertThat(confirmed.out()).contains("✓ Restored ");
        assertThat(db.queryLong("select count(*) from customer")).as("the row added after the backup is gone").isEqualTo(1);

        CliRun development = run(Map.of("MIGRATE_WATCH_ENV", "development"), "db", "restore", "latest");
        assertThat(development.exitCode()).as("in development only the missing terminal stops it").isEqualTo(2);
        assertThat(development.err()).contains("there is no terminal to ask on").doesNotContain("this is production");
    }
}
