package io.migratewatch.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.migratewatch.support.CliRun;
import io.migratewatch.support.MigrationFiles;
import io.migratewatch.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The states a team meets, through the real command line on a real database: two branches that each added a migration
 * (conflict, then merge), a schema changed by hand (drift), an applied file edited (checksum mismatch).
 */
class TeamStatesCommandTest {

    private static final Pattern REVISION = Pattern.compile("\\(revision ([0-9a-f]{12})\\)");

    private static TestDatabase db;

    @TempDir
    Path project;

    @BeforeAll
    static void database() {
        db = TestDatabase.create("team");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @BeforeEach
    void freshProject() throws IOException {
        db.execute("DROP SCHEMA public CASCADE", "CREATE SCHEMA public");
        Files.writeString(project.resolve("watcher.conf"), """
                models.paths = ["src/main/java"]
                migrations.dir = "migrations"
                backup.enabled = false
                """);
        Files.createDirectories(project.resolve("src/main/java/shop"));
    }

    private void entity(String name, String body) throws IOException {
        Files.writeString(project.resolve("src/main/java/shop/" + name + ".java"), "package shop;\nimport jakarta.persistence.*;\n" + body);
    }

    private static String simple(String name) {
        return "@Entity public class " + name + " { @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;"
                + " private String name; }";
    }

    private CliRun run(String... args) {
        CliRun r = CliRun.in(project, db.jdbcUrl() + "?user=" + db.url().user(), args);
        return r;
    }

    private CliRun ok(String... args) {
        CliRun r = run(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r).isZero();
        return r;
    }

    private static String revision(CliRun r) {
        Matcher m = REVISION.matcher(r.out());
        assertThat(m.find()).as(r.toString()).isTrue();
        return m.group(1);
    }

    private Path file(String revision) throws IOException {
        try (Stream<Path> files = Files.list(project.resolve("migrations"))) {
            return files.filter(p -> p.getFileName().toString().contains(revision)).findFirst().orElseThrow();
        }
    }

    private List<String> history() {
        return db.queryStrings("select revision from migrate_watch_history order by installed_rank");
    }

    @Test
    void twoBranchesEachWithAMigrationAreAConflictUntilMergedThenUpgradeAppliesBothAndTheMerge() throws IOException {
        entity("Customer", simple("Customer"));
        ok("generate", "customer");
        ok("upgrade");
        assertThat(run("merge").err()).contains("the migrations have one head").contains("there is nothing to merge");

        // a teammate's branch: product, written on the same head and not yet pulled
        entity("Product", simple("Product"));
        String product = revision(ok("generate", "product"));
        Path aside = project.resolve(file(product).getFileName());
        Files.move(file(product), aside);
        Files.delete(project.resolve("src/main/java/shop/Product.java"));
        // this branch: supplier, applied here
        entity("Supplier", simple("Supplier"));
        String supplier = revision(ok("generate", "supplier"));
        ok("upgrade");
        // the pull brings the teammate's migration and entity
        Files.move(aside, project.resolve("migrations").resolve(aside.getFileName()));
        entity("Product", simple("Product"));

        CliRun status = run("status", "--check");
        assertThat(status.exitCode()).isEqualTo(1);
        assertThat(status.out()).startsWith("CONFLICT");
        String conflict = "CONFLICT: heads ";
        CliRun check = run("check");
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).contains(conflict).contains(product.substring(0, 8) + " (" + file(product).getFileName() + ")")
                .contains(supplier.substring(0, 8) + " (" + file(supplier).getFileName() + ")").contains(" — run migrate-watch merge");
        CliRun deploy = run("deploy");
        assertThat(deploy.exitCode()).isEqualTo(1);
        assertThat(deploy.out() + deploy.err()).contains(conflict).contains(" — run migrate-watch merge");

        CliRun merged = ok("merge");
        assertThat(merged.out()).contains("The branches change different tables: the merge migration has no SQL.",
                "Review it, commit it, then run: migrate-watch upgrade");
        String merge = revision(merged);
        String text = Files.readString(file(merge));
        assertThat(text).contains("-- generated: merge", "merge heads ");
        assertThat(text.lines().filter(l -> l.startsWith("-- parents: ")).findFirst().orElseThrow())
                .contains(product).contains(supplier);

        ok("upgrade");
        assertThat(history()).endsWith(product, merge);
        assertThat(db.queryLong("select count(*) from pg_tables where tablename = 'product'")).isEqualTo(1);
        CliRun after = run("check");
        assertThat(after.exitCode()).as(after.toString()).isZero();
        assertThat(after.out()).doesNotContain("CONFLICT");
        assertThat(ok("status", "--check").out().strip()).isEqualTo("UP TO DATE");
    }

    @Test
    void branchesThatChangeTheSameTableAreReplayedTogetherAndTheMergeBringsThatTableToTheModels() throws IOException {
        Path migrations = project.resolve("migrations");
        MigrationFiles.write(migrations, "aaaa00000001", null, "customer", 1,
                "CREATE TABLE \"customer\" (\"id\" bigint NOT NULL, \"name\" varchar(50), CONSTRAINT \"customer_pkey\" PRIMARY KEY (\"id\"));",
                "DROP TABLE \"customer\";");
        MigrationFiles.write(migrations, "bbbb00000002", "aaaa00000001", "longer names", 2,
                "ALTER TABLE \"customer\" ALTER COLUMN \"name\" TYPE varchar(100);",
                "ALTER TABLE \"customer\" ALTER COLUMN \"name\" TYPE varchar(50);");
        MigrationFiles.write(migrations, "cccc00000003", "aaaa00000001", "even longer names", 3,
                "ALTER TABLE \"customer\" ALTER COLUMN \"name\" TYPE varchar(200);",
                "ALTER TABLE \"customer\" ALTER COLUMN \"name\" TYPE varchar(50);");
        entity("Customer", "@Entity public class Customer { @Id private Long id; @Column(length = 150) private String name; }");

        CliRun merged = ok("merge", "agree on name length");
        assertThat(merged.out()).contains("Table customer is changed by 2 branches (bbbb00000002, cccc00000003): they apply one after the other",
                "The merge migration brings them to what the models say:");
        String text = Files.readString(file(revision(merged)));
        assertThat(text).contains("-- parents: bbbb00000002 cccc00000003", "varchar(150)");

        ok("upgrade");
        assertThat(db.queryStrings("select character_maximum_length::text from information_schema.columns"
                + " where table_name = 'customer' and column_name = 'name'")).containsExactly("150");
        assertThat(ok("status", "--check").out().strip()).isEqualTo("UP TO DATE");
    }

    @Test
    void branchesThatDoNotApplyOneAfterTheOtherAreNamedAndNothingIsWritten() throws IOException {
        Path migrations = project.resolve("migrations");
        MigrationFiles.write(migrations, "aaaa00000001", null, "customer", 1,
                "CREATE TABLE \"customer\" (\"id\" bigint NOT NULL);", "DROP TABLE \"customer\";");
        MigrationFiles.write(migrations, "bbbb00000002", "aaaa00000001", "email as text", 2,
                "ALTER TABLE \"customer\" ADD COLUMN \"email\" text;", "ALTER TABLE \"customer\" DROP COLUMN \"email\";");
        Path second = MigrationFiles.write(migrations, "cccc00000003", "aaaa00000001", "email as varchar", 3,
                "ALTER TABLE \"customer\" ADD COLUMN \"email\" varchar(80);", "ALTER TABLE \"customer\" DROP COLUMN \"email\";");

        CliRun merge = run("merge");
        assertThat(merge.exitCode()).isEqualTo(1);
        assertThat(merge.err()).contains("the branches change the same table customer and do not apply one after the other: "
                + second.getFileName(), "already exists", "Nothing was written");
        try (Stream<Path> files = Files.list(migrations)) {
            assertThat(files.count()).isEqualTo(3);
        }
    }

    @Test
    void aSchemaChangedByHandIsDriftListedByDiffAndRecordedByGenerateFromDrift() throws IOException {
        entity("Customer", simple("Customer"));
        ok("generate", "customer");
        ok("upgrade");
        assertThat(ok("status").out()).contains("Schema:          ✓ Matches the applied migrations");
        assertThat(ok("diff", "--drift").out()).contains("No drift: the live schema is what the applied migrations produce.");

        db.execute("ALTER TABLE customer ADD COLUMN nickname text");

        CliRun check = run("status", "--check");
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out().strip()).isEqualTo("DRIFT: 1 difference from the migrations");
        CliRun status = run("status");
        assertThat(status.out()).contains("● DRIFT (1 difference between the live schema and the migrations: migrate-watch diff --drift)",
                "Schema:          ✗ 1 difference from the applied migrations (migrate-watch diff --drift)");
        Config json = ConfigFactory.parseString(run("status", "--json").out());
        assertThat(json.getString("status")).isEqualTo("DRIFT");
        assertThat(json.getStringList("drift")).containsExactly("add customer.nickname");

        CliRun diff = run("diff", "--drift");
        assertThat(diff.exitCode()).isEqualTo(1);
        assertThat(diff.out()).contains("DRIFT: the live schema differs from the schema the migrations produce (1 difference):",
                "-- add customer.nickname", "ADD COLUMN \"nickname\" text");

        CliRun generated = ok("generate", "--from-drift", "nickname added by hand");
        assertThat(generated.out()).contains(" from drift, recorded as applied here without running it:", "  + add customer.nickname");
        String revision = revision(generated);
        assertThat(history()).endsWith(revision);
        assertThat(Files.readString(file(revision))).contains("-- generated: drift", "ADD COLUMN \"nickname\"", "DROP COLUMN \"nickname\"");
        assertThat(ok("diff", "--drift").out()).contains("No drift");
        // the models do not have the column yet: that is the next state, not drift
        assertThat(run("status", "--check").out()).startsWith("MODELS CHANGED");

        // another database gets the hand-made change by applying the migration
        db.execute("DROP SCHEMA public CASCADE", "CREATE SCHEMA public");
        ok("upgrade");
        assertThat(db.queryLong("select count(*) from information_schema.columns where table_name = 'customer'"
                + " and column_name = 'nickname'")).isEqualTo(1);
    }

    @Test
    void anEditedAppliedFileIsAChecksumMismatchThatNamesTheFileButLineEndingsAndTrailingSpacesAreNot() throws IOException {
        entity("Customer", simple("Customer"));
        String revision = revision(ok("generate", "customer"));
        ok("upgrade");
        Path file = file(revision);
        String applied = Files.readString(file, StandardCharsets.UTF_8);

        Files.writeString(file, applied.replace("\n", "  \r\n"), StandardCharsets.UTF_8);
        assertThat(ok("status", "--check").out().strip()).isEqualTo("UP TO DATE");
        assertThat(ok("check").out()).doesNotContain("CHECKSUM MISMATCH");

        Files.writeString(file, applied.replace("-- +down", "SELECT 1;\n\n-- +down"), StandardCharsets.UTF_8);
        CliRun check = run("status", "--check");
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out().strip()).isEqualTo("CHECKSUM MISMATCH: " + file.getFileName());
        assertThat(run("status").out()).contains("● CHECKSUM MISMATCH (" + file.getFileName() + " changed after it was applied)",
                "Migrations:      ✗ Checksum mismatch: " + file.getFileName());
        assertThat(run("check").out()).contains("CHECKSUM MISMATCH: " + file.getFileName() + " changed after it was applied: restore"
                + " it as it was applied (git checkout), or downgrade before editing it");
        assertThat(run("history").out().lines().filter(l -> l.startsWith(revision)).findFirst().orElseThrow())
                .contains(" MISMATCH ");
        CliRun upgrade = run("upgrade");
        assertThat(upgrade.exitCode()).isEqualTo(1);
        assertThat(upgrade.err()).contains("CHECKSUM MISMATCH: applied migrations changed since they were applied: " + file.getFileName());
    }

    @Test
    void anAppliedRevisionWithoutItsFileIsMissingFileOnTheDashboardInTheHealthCheckAndInJsonAsInCheckAndDeploy() throws IOException {
        entity("Customer", simple("Customer"));
        ok("generate", "customer");
        ok("upgrade");
        entity("Supplier", simple("Supplier"));
        String supplier = revision(ok("generate", "supplier"));
        ok("upgrade");
        assertThat(ok("status", "--check").out().strip()).isEqualTo("UP TO DATE");

        Path supplierFile = file(supplier);
        String text = Files.readString(supplierFile);
        Files.delete(supplierFile);

        CliRun check = run("status", "--check");
        assertThat(check.exitCode()).as(check.toString()).isEqualTo(1);
        assertThat(check.out().strip()).isEqualTo("MISSING FILE: " + supplier);
        CliRun status = run("status");
        assertThat(status.exitCode()).isEqualTo(1);
        assertThat(status.out()).contains("● MISSING FILE (" + supplier + " is applied but has no file in migrations)",
                "Migrations:      ✗ Missing file: revision " + supplier + " (supplier) is applied, but no file in migrations has it"
                        + " (restore the file: was it deleted, or not pulled?)")
                .doesNotContain("✓ Valid");
        Config json = ConfigFactory.parseString(run("status", "--json").out());
        assertThat(json.getString("status")).isEqualTo("MISSING_FILE");
        assertThat(json.getString("statusWord")).isEqualTo("MISSING FILE");
        assertThat(json.getStringList("missingFiles")).containsExactly(supplier);
        String deployWords = "MISSING FILE: revision " + supplier + " (supplier) is applied, but no file in migrations has it:"
                + " restore the file (was it deleted, or not pulled?)";
        CliRun gate = run("check");
        assertThat(gate.exitCode()).isEqualTo(1);
        assertThat(gate.out()).contains(deployWords);
        CliRun deploy = run("deploy");
        assertThat(deploy.exitCode()).isEqualTo(1);
        assertThat(deploy.out() + deploy.err()).contains(deployWords);

        Files.writeString(supplierFile, text);
        assertThat(ok("status", "--check").out().strip()).as("the file restored").isEqualTo("UP TO DATE");
    }

    @Test
    void theDashboardShowsTheSwitchesTheEnvironmentAndTheHealthChecks() throws IOException {
        CliRun status = run("status");
        assertThat(status.out()).contains("Environment:       development", "Database:        ✓ Connected (PostgreSQL ",
                "Tables:          ✓ 0 tables", "Migrations:      ✓ Valid", "Last migration:    -", "Last backup:       -",
                "Auto-migration:    ✓ Enabled   Auto-generate: ✓   Auto-apply: ✓   Fold: ✓   Backups: ✗");
        Config json = ConfigFactory.parseString(run("status", "--json").out());
        assertThat(json.getString("environment")).isEqualTo("development");
        assertThat(json.getString("statusWord")).isEqualTo(json.getString("status").replace('_', ' '));
        assertThat(json.getStringList("checksumMismatch")).isEmpty();
        assertThat(json.getStringList("missingFiles")).isEmpty();
        assertThat(json.getIsNull("lastBackup")).isTrue();
        assertThat(json.getIsNull("lastBackupAt")).isTrue();
        assertThat(json.getBoolean("backups")).isFalse();

        // the switches as watcher.conf sets them, and a real backup
        Files.writeString(project.resolve("watcher.conf"), """
                models.paths = ["src/main/java"]
                migrations.dir = "migrations"
                backup.enabled = true
                watcher.auto-apply = false
                watcher.fold = false
                """);
        entity("Customer", simple("Customer"));
        ok("generate", "customer");
        ok("upgrade");
        db.execute("INSERT INTO customer (name) VALUES ('Ada')");
        ok("db", "backup");
        Path backup;
        try (Stream<Path> files = Files.list(project.resolve("backups"))) {
            backup = files.filter(p -> p.getFileName().toString().matches("backup_\\d{8}_\\d{6}\\.sql")).findFirst().orElseThrow();
        }
        java.time.Instant taken = Files.getLastModifiedTime(backup).toInstant();

        CliRun after = ok("status");
        assertThat(after.out()).contains(
                "Auto-migration:    ✓ Enabled   Auto-generate: ✓   Auto-apply: ✗   Fold: ✗   Backups: ✓",
                "Last backup:       " + HistoryCommand.TIME.format(taken) + "  (backups/" + backup.getFileName() + ")",
                "Tables:          ✓ 1 table");
        assertThat(after.out()).doesNotContain("Last backup:       -", "Last migration:    -");
        Config withBackup = ConfigFactory.parseString(run("status", "--json").out());
        assertThat(withBackup.getString("lastBackup")).isEqualTo(backup.getFileName().toString());
        assertThat(java.time.Instant.parse(withBackup.getString("lastBackupAt"))).isEqualTo(taken);
        assertThat(withBackup.getBoolean("backups")).isTrue();
        assertThat(withBackup.getBoolean("watcher.enabled")).isTrue();
        assertThat(withBackup.getBoolean("watcher.autoGenerate")).isTrue();
        assertThat(withBackup.getBoolean("watcher.autoApply")).isFalse();
        assertThat(withBackup.getBoolean("watcher.fold")).isFalse();
    }
}
