package io.migratewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.migratewatch.support.CliRun;
import io.migratewatch.support.MigrationFiles;
import io.migratewatch.support.TestDatabase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deploy}, {@code upgrade} and migrations that rewrite a table holding data: named with the table's size, held in production. */
class TableRewriteDeployTest {

    private static TestDatabase db;

    @TempDir
    Path project;
    private Path migrations;

    @BeforeAll
    static void database() {
        db = TestDatabase.create("rewrite");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @BeforeEach
    void deployedTableWithRows() throws IOException {
        db.execute("DROP SCHEMA public CASCADE", "CREATE SCHEMA public");
        Files.writeString(project.resolve("watcher.conf"), """
                models.paths = ["src/main/java"]
                migrations.dir = "migrations"
                backup.enabled = false
                """);
        migrations = project.resolve("migrations");
        MigrationFiles.write(migrations, "aaaa00000001", null, "customers", 1,
                "CREATE TABLE \"customer\" (\"id\" integer PRIMARY KEY, \"name\" varchar(80) NOT NULL);",
                "DROP TABLE \"customer\";");
        assertThat(run("production", "deploy").exitCode()).isZero();
        db.execute("INSERT INTO customer SELECT g, 'c' || g FROM generate_series(1, 20000) g", "ANALYZE customer");
    }

    private CliRun run(String environment, String... args) {
        return CliRun.in(project, Map.of("MIGRATE_WATCH_ENV", environment), db.jdbcUrl() + "?user=" + db.url().user(), args);
    }

    private void second(String up, String down) throws IOException {
        MigrationFiles.write(migrations, "aaaa00000002", "aaaa00000001", "customer change", 2, up, down);
    }

    private long applied() {
        return db.queryLong("select count(*) from migrate_watch_history");
    }

    @Test
    void aTypeChangeThatCopiesTheTableIsHeldInProductionUntilConfirmedAndNamedWithItsSize() throws IOException {
        second("ALTER TABLE \"customer\" ALTER COLUMN \"id\" TYPE bigint USING \"id\"::bigint;",
                "ALTER TABLE \"customer\" ALTER COLUMN \"id\" TYPE integer USING \"id\"::integer;");
        CliRun held = run("production", "deploy");
        assertThat(held.exitCode()).as(held.toString()).isEqualTo(5);
        assertThat(held.out()).contains("[1/4] check    FAILED   1 statement rewrites a table holding data: held in production until"
                        + " confirmed; nothing was applied",
                "20261101_100002_aaaa00000002_customer_change.sql:", " rewrites table \"customer\" (about 20,000 rows, ",
                "): column \"id\" changes type from integer to bigint",
                "Run at a quiet time with `migrate-watch deploy --allow-rewrite`");
        assertThat(applied()).isEqualTo(1);

        CliRun confirmed = run("production", "deploy", "--allow-rewrite");
        assertThat(confirmed.exitCode()).as(confirmed.toString()).isZero();
        assertThat(confirmed.out()).contains("1 pending, 1 rewrites a table (--allow-rewrite)");
        assertThat(applied()).isEqualTo(2);
    }

    @Test
    void aVolatileDefaultIsARewriteAndOutsideProductionItIsNamedButNotHeld() throws IOException {
        second("ALTER TABLE \"customer\" ADD COLUMN \"token\" double precision DEFAULT random();",
                "ALTER TABLE \"customer\" DROP COLUMN \"token\";");
        CliRun deployed = run("development", "deploy");
        assertThat(deployed.exitCode()).as(deployed.toString()).isZero();
        assertThat(deployed.out()).contains("1 pending, 1 rewrites a table",
                "column \"token\" is added with a value computed for each row (double precision DEFAULT random())");
        assertThat(deployed.out().split("rewrites table \"customer\"", -1)).as("named once, by the check step").hasSize(2);
        assertThat(applied()).isEqualTo(2);
    }

    @Test
    void upgradeOutsideProductionNamesARewriteWithTheTablesSizeAndAppliesIt() throws IOException {
        second("ALTER TABLE \"customer\" ALTER COLUMN \"id\" TYPE bigint USING \"id\"::bigint;",
                "ALTER TABLE \"customer\" ALTER COLUMN \"id\" TYPE integer USING \"id\"::integer;");
        CliRun upgraded = run("development", "upgrade");
        assertThat(upgraded.exitCode()).as(upgraded.toString()).isZero();
        assertThat(upgraded.out()).contains("1 statement rewrites a table holding data (an ACCESS EXCLUSIVE lock on it while it is copied):\n"
                        + "  20261101_100002_aaaa00000002_customer_change.sql:", " rewrites table \"customer\" (about 20,000 rows, ",
                "): column \"id\" changes type from integer to bigint");
        assertThat(upgraded.out().split("rewrites table \"customer\"", -1)).as("named once").hasSize(2);
        assertThat(applied()).isEqualTo(2);
        assertThat(db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_name = 'customer' AND column_name = 'id'"
                + " AND data_type = 'bigint'")).isEqualTo(1);
    }

    @Test
    void aWideningPostgresDoesInPlaceAndAStableDefaultAreNotRewrites() throws IOException {
        second("ALTER TABLE \"customer\" ALTER COLUMN \"name\" TYPE varchar(200);\n"
                        + "ALTER TABLE \"customer\" ADD COLUMN \"seen\" timestamp with time zone DEFAULT now();",
                "ALTER TABLE \"customer\" DROP COLUMN \"seen\";\nALTER TABLE \"customer\" ALTER COLUMN \"name\" TYPE varchar(80);");
        CliRun deployed = run("production", "deploy");
        assertThat(deployed.exitCode()).as(deployed.toString()).isZero();
        assertThat(deployed.out()).contains("[1/4] check    OK       2 migration files valid, head aaaa0000, 1 pending\n");
    }

    @Test
    void upgradeInProductionHoldsARewriteTooUntilConfirmed() throws IOException {
        second("ALTER TABLE \"customer\" ALTER COLUMN \"id\" TYPE bigint USING \"id\"::bigint;",
                "ALTER TABLE \"customer\" ALTER COLUMN \"id\" TYPE integer USING \"id\"::integer;");
        CliRun held = run("production", "upgrade");
        assertThat(held.exitCode()).as(held.toString()).isEqualTo(5);
        assertThat(held.err() + held.out()).contains("1 statement rewrites a table holding data: held in production until confirmed",
                " rewrites table \"customer\" (about 20,000 rows, ", "migrate-watch upgrade --allow-rewrite");
        assertThat(applied()).isEqualTo(1);

        CliRun confirmed = run("production", "upgrade", "--allow-rewrite");
        assertThat(confirmed.exitCode()).as(confirmed.toString()).isZero();
        assertThat(confirmed.out()).contains("1 statement rewrites a table holding data", " rewrites table \"customer\" (about 20,000 rows, ");
        assertThat(applied()).isEqualTo(2);
    }
}
