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
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code deploy} through the real command line on a real database: check, back up, upgrade, verify. */
class DeployCommandTest {

    private static TestDatabase db;

    @TempDir
    Path project;

    private Path migrations;

    @BeforeAll
    static void database() {
        db = TestDatabase.create("deploy");
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
                backup.engine = "builtin"
                """);
        migrations = project.resolve("migrations");
    }

    private CliRun run(String... args) {
        return run(Map.of("MIGRATE_WATCH_ENV", "production"), args);
    }

    private CliRun run(Map<String, String> env, String... args) {
        return CliRun.in(project, env, db.jdbcUrl() + "?user=" + db.url().user(), args);
    }

    private void first() throws IOException {
        MigrationFiles.write(migrations, "aaaa00000001", null, "customers", 1,
                "CREATE TABLE \"customer\" (\"id\" bigint PRIMARY KEY, \"name\" varchar(80) NOT NULL);",
                "DROP TABLE \"customer\";");
    }

    private Path second(String up) throws IOException {
        return MigrationFiles.write(migrations, "aaaa00000002", "aaaa00000001", "customer email", 2, up,
                "ALTER TABLE \"customer\" DROP COLUMN \"email\";");
    }

    private long applied() {
        return db.queryLong("select count(*) from migrate_watch_history");
    }

    private long backups() throws IOException {
        Path dir = project.resolve("backups");
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("backup_")).count();
        }
    }

    @Test
    void appliesPendingMigrationsThenVerifiesAndSaysSoOnOneScreen() throws IOException {
        first();
        CliRun deployed = run("deploy");
        assertThat(deployed.exitCode()).as(deployed.toString()).isZero();
        assertThat(deployed.out()).contains("migrate-watch deploy: production (MIGRATE_WATCH_ENV=production)",
                "[1/4] check    OK       1 migration files valid, head aaaa0000, 1 pending",
                "[2/4] backup   SKIPPED  every table is empty",
                "[3/4] upgrade  OK       applied 1 migration in",
                "[4/4] health   OK       connected (PostgreSQL ",
                "history at head aaaa0000 (1 applied)",
                "live schema equals the schema the migrations produce (1 table)",
                "DEPLOYED aaaa00000001 (from an empty history) in");
        assertThat(deployed.out().lines().count()).as("one screen").isLessThan(24);
        assertThat(deployed.out()).doesNotContain("\u001b[");
        assertThat(applied()).isEqualTo(1);

        db.execute("INSERT INTO customer VALUES (1, 'Ada')");
        second("ALTER TABLE \"customer\" ADD COLUMN \"email\" varchar(255);");
        CliRun again = run("deploy");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("[2/4] backup   OK       backups/backup_", "applied 1 migration",
                "aaaa00000002_customer_email.sql", "DEPLOYED aaaa00000002 (from aaaa00000001)");
        assertThat(backups()).isEqualTo(1);
        assertThat(db.queryLong("select count(*) from customer")).isEqualTo(1);

        CliRun nothing = run("deploy");
        assertThat(nothing.exitCode()).as(nothing.toString()).isZero();
        assertThat(nothing.out()).contains("[3/4] upgrade  SKIPPED  already at head aaaa0000", "DEPLOYED aaaa00000002 (already at head)");
        assertThat(backups()).as("nothing to apply, nothing to back up").isEqualTo(1);
    }

    @Test
    void twoHeadsAreAConflictAndNothingIsApplied() throws IOException {
        first();
        Path a = second("ALTER TABLE \"customer\" ADD COLUMN \"email\" varchar(255);");
        Path b = MigrationFiles.write(migrations, "bbbb00000002", "aaaa00000001", "customer phone", 3,
                "ALTER TABLE \"customer\" ADD COLUMN \"phone\" varchar(20);", "ALTER TABLE \"customer\" DROP COLUMN \"phone\";");
        CliRun refused = run("deploy");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.out()).contains("[1/4] check    FAILED   1 problem: nothing was applied",
                "CONFLICT: heads aaaa0000 (" + a.getFileName() + ") and bbbb0000 (" + b.getFileName() + ") — run migrate-watch merge");
        assertThat(refused.err()).contains("DEPLOY FAILED at step 1/4 check (exit 1)", "Nothing was applied.");
        assertThat(db.queryLong("select count(*) from pg_tables where schemaname = 'public'")).isZero();
    }

    @Test
    void anAppliedFileEditedOrMissingStopsTheDeployBeforeAnythingRuns() throws IOException {
        first();
        Path file = second("ALTER TABLE \"customer\" ADD COLUMN \"email\" varchar(255);");
        assertThat(run("deploy").exitCode()).isZero();
        Files.writeString(file, Files.readString(file).replace("varchar(255)", "varchar(300)"));
        MigrationFiles.write(migrations, "aaaa00000003", "aaaa00000002", "customer phone", 3,
                "ALTER TABLE \"customer\" ADD COLUMN \"phone\" varchar(20);", "ALTER TABLE \"customer\" DROP COLUMN \"phone\";");

        CliRun edited = run("deploy");
        assertThat(edited.exitCode()).as(edited.toString()).isEqualTo(1);
        assertThat(edited.out()).contains("CHECKSUM MISMATCH: " + file.getFileName() + " changed after it was applied");
        assertThat(applied()).isEqualTo(2);

        Files.delete(file);
        CliRun missing = run("deploy");
        assertThat(missing.exitCode()).isEqualTo(2).as("the third file's parent is gone: a file error");
        Files.delete(Files.list(migrations).filter(p -> p.toString().contains("aaaa00000003")).findFirst().orElseThrow());
        CliRun gone = run("deploy");
        assertThat(gone.exitCode()).as(gone.toString()).isEqualTo(1);
        assertThat(gone.out()).contains("MISSING FILE: revision aaaa00000002 (customer email) is applied, but no file in migrations has it");
    }

    @Test
    void aDraftTheDaemonStillFoldsIntoIsNotDeployed() throws Exception {
        first();
        MigrationFiles.write(migrations, "aaaa00000002", "aaaa00000001", "add customer email", 2, "daemon",
                "ALTER TABLE \"customer\" ADD COLUMN \"email\" varchar(255);", "ALTER TABLE \"customer\" DROP COLUMN \"email\";");
        Process git = new ProcessBuilder("git", "init", "-q").directory(project.toFile()).start();
        assertThat(git.waitFor()).isZero();
        CliRun refused = run("deploy");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.out()).contains("DRAFT: 20261101_100002_aaaa00000002_add_customer_email.sql is still open: the watch daemon"
                + " folds further model changes into it. Commit it (or run migrate-watch seal) first");
        assertThat(db.queryLong("select count(*) from pg_tables where schemaname = 'public'")).isZero();
    }

    @Test
    void aFailingMigrationNamesTheStepTheBackupAndTheCommandThatRestoresIt() throws IOException {
        first();
        assertThat(run("deploy").exitCode()).isZero();
        db.execute("INSERT INTO customer VALUES (1, 'Ada')");
        second("ALTER TABLE \"customer\" ADD COLUMN \"email\" varchar(255);\nALTER TABLE \"customer\" ADD COLUMN \"email\" text;");

        CliRun failed = run("deploy");
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(4);
        assertThat(failed.out()).contains("[2/4] backup   OK       backups/backup_", "[3/4] upgrade  FAILED   migration "
                + "20261101_100002_aaaa00000002_customer_email.sql failed at line", "column \"email\" of relation \"customer\" already exists");
        assertThat(failed.out()).doesNotContain("To go back");
        String backup = failed.err().lines().filter(l -> l.startsWith("  Backup taken before the upgrade: ")).findFirst()
                .orElseThrow(() -> new AssertionError(failed.toString())).substring("  Backup taken before the upgrade: ".length());
        assertThat(failed.err()).contains("DEPLOY FAILED at step 3/4 upgrade (exit 4)",
                "  To restore it: migrate-watch db restore " + backup + " --yes");
        assertThat(applied()).isEqualTo(1);

        db.execute("DELETE FROM customer");
        String[] restore = ("db restore " + backup + " --yes").split(" ");
        CliRun restored = run(restore);
        assertThat(restored.exitCode()).as(restored.toString()).isZero();
        assertThat(db.queryLong("select count(*) from customer")).isEqualTo(1);
    }

    @Test
    void aLockHeldLongerThanTheLockTimeoutIsRetriedThenFails() throws Exception {
        lockHeldThroughEveryRetry(Map.of());
    }

    @Test
    void withLockSafeOffDeployStillWaitsNoLongerThanItsLockTimeoutAndRetries() throws Exception {
        lockHeldThroughEveryRetry(Map.of("MIGRATIONS_LOCK_SAFE", "off"));
    }

    /** Another session keeps the table locked through both attempts: each retry and the failure name it; nothing is applied. */
    private void lockHeldThroughEveryRetry(Map<String, String> settings) throws Exception {
        first();
        assertThat(run("deploy").exitCode()).isZero();
        second("ALTER TABLE \"customer\" ADD COLUMN \"email\" varchar(255);");
        Map<String, String> env = new java.util.HashMap<>(settings);
        env.putAll(Map.of("MIGRATE_WATCH_ENV", "production", "DEPLOY_LOCK_TIMEOUT", "300ms", "DEPLOY_RETRIES", "1"));
        try (Connection holder = db.connect(); Statement s = holder.createStatement()) {
            holder.setAutoCommit(false);
            int pid;
            try (java.sql.ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                pid = rs.getInt(1);
            }
            s.execute("LOCK TABLE customer IN ACCESS SHARE MODE");
            long start = System.nanoTime();
            CliRun failed = run(env, "deploy");
            System.out.println("deploy " + settings + " gave up after " + (System.nanoTime() - start) / 1_000_000 + " ms");
            assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(4);
            assertThat(failed.out()).contains("lock timeout: 20261101_100002_aaaa00000002_customer_email.sql waited 300 ms for a lock:"
                            + " session pid " + pid + " (idle in transaction for ",
                    "holds AccessShareLock on \"customer\"; its last query: LOCK TABLE customer IN ACCESS SHARE MODE; trying again in 1 s"
                            + " (attempt 2 of 2)", "canceling statement due to lock timeout",
                    "Waited 300 ms (lock_timeout) for a lock held by session pid " + pid, "SELECT pg_terminate_backend(" + pid + ")",
                    "Gave up after 2 attempts: another session kept a lock on the table for longer than deploy.lock-timeout (300 ms) each time");
            assertThat(failed.out()).doesNotContain("downgrade");
            holder.rollback();
        }
        assertThat(applied()).isEqualTo(1);
        assertThat(db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_name = 'customer' AND column_name = 'email'"))
                .isZero();
        CliRun after = run("deploy");
        assertThat(after.exitCode()).as(after.toString()).isZero();
        assertThat(applied()).isEqualTo(2);
    }

    @Test
    void aSchemaChangedByHandFailsTheHealthCheck() throws IOException {
        first();
        assertThat(run("deploy").exitCode()).isZero();
        db.execute("ALTER TABLE customer ADD COLUMN nickname text");
        CliRun drift = run("deploy");
        assertThat(drift.exitCode()).as(drift.toString()).isEqualTo(1);
        assertThat(drift.out()).contains("[4/4] health   FAILED   DRIFT: the live schema differs from the schema the migrations"
                + " produce (1 difference):", "nickname");
        assertThat(drift.err()).contains("DEPLOY FAILED at step 4/4 health (exit 1)");
    }

    @Test
    void dryRunPrintsThePlanAndTheSqlAndChangesNothing() throws IOException {
        first();
        CliRun dry = run("deploy", "--dry-run");
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dry.out()).contains("[3/4] upgrade  PLANNED  would apply 1 migration with lock_timeout 5 s, statement_timeout 10 min,"
                + " up to 3 retries of a lock timeout", "CREATE TABLE \"customer\"", "DRY RUN: nothing was changed");
        assertThat(db.queryLong("select count(*) from pg_tables where schemaname = 'public'")).isZero();
    }

    @Test
    void jsonGivesTheSameSummaryForMachines() throws IOException {
        first();
        CliRun deployed = run("deploy", "--json");
        assertThat(deployed.exitCode()).as(deployed.toString()).isZero();
        Config json = ConfigFactory.parseString(deployed.out());
        assertThat(json.getBoolean("ok")).isTrue();
        assertThat(json.getString("head")).isEqualTo("aaaa00000001");
        assertThat(json.getConfigList("steps")).hasSize(4);
        assertThat(json.getConfigList("steps").get(3).getString("outcome")).isEqualTo("ok");
        assertThat(json.getConfigList("applied").get(0).getString("revision")).isEqualTo("aaaa00000001");

        db.execute("ALTER TABLE customer ADD COLUMN nickname text");
        CliRun drift = run("deploy", "--json");
        assertThat(drift.exitCode()).isEqualTo(1);
        Config failed = ConfigFactory.parseString(drift.out());
        assertThat(failed.getBoolean("ok")).isFalse();
        assertThat(failed.getString("failedStep")).isEqualTo("health");
    }

    @Test
    void statusCheckIsAContainerHealthCheck() throws IOException {
        first();
        CliRun pending = run("status", "--check");
        assertThat(pending.exitCode()).isEqualTo(1);
        assertThat(pending.out()).isEqualTo("PENDING 1\n");
        assertThat(run("deploy").exitCode()).isZero();
        CliRun upToDate = run("status", "--check");
        assertThat(upToDate.exitCode()).as(upToDate.toString()).isZero();
        assertThat(upToDate.out()).isEqualTo("UP TO DATE\n");
    }

    @Test
    void aStatementLongerThanTheStatementTimeoutFailsWithoutRetrying() throws IOException {
        MigrationFiles.write(migrations, "aaaa00000001", null, "slow", 1,
                "CREATE TABLE \"customer\" (\"id\" bigint PRIMARY KEY);\nSELECT pg_sleep(3);", "DROP TABLE \"customer\";");
        CliRun failed = run(Map.of("MIGRATE_WATCH_ENV", "production", "DEPLOY_STATEMENT_TIMEOUT", "300ms"), "deploy");
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(4);
        assertThat(failed.out()).contains("SELECT pg_sleep(3)", "canceling statement due to statement timeout").doesNotContain("trying again");
        assertThat(db.queryLong("select count(*) from pg_tables where tablename = 'customer'")).as("rolled back whole").isZero();

        CliRun wrong = run(Map.of("MIGRATE_WATCH_ENV", "production", "DEPLOY_RETRIES", "-1"), "deploy");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("deploy.retries must be 0 or more, not -1");
    }
}
