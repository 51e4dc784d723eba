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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy --schemas} and {@code --schemas-from} through the real command line on a real database: the same
 * migrations in each tenant's schema, each with its own history, lock and backup; one tenant's failure stops no other.
 */
class SchemaDeployCommandTest {

    private static final List<String> TENANTS = List.of("tenant_a", "tenant_b", "tenant_c", "tenant_d", "tenant_e", "tenant_f");

    private static TestDatabase db;

    @TempDir
    Path project;

    private Path migrations;

    @BeforeAll
    static void database() {
        db = TestDatabase.create("tenants");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @BeforeEach
    void freshProject() throws IOException {
        db.execute("DROP SCHEMA public CASCADE", "CREATE SCHEMA public");
        for (String schema : db.queryStrings("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant%' OR nspname = 'billing'")) {
            db.execute("DROP SCHEMA \"" + schema + "\" CASCADE");
        }
        for (String tenant : TENANTS) {
            db.execute("CREATE SCHEMA " + tenant);
        }
        db.execute("CREATE SCHEMA billing");
        Files.writeString(project.resolve("watcher.conf"), """
                models.paths = ["src/main/java"]
                migrations.dir = "migrations"
                backup.engine = "builtin"
                """);
        migrations = project.resolve("migrations");
        // unqualified names: each schema's connections have that schema alone on the search path
        MigrationFiles.write(migrations, "dddd00000001", null, "orders", 1,
                "CREATE TABLE \"orders\" (\"id\" bigint PRIMARY KEY, \"placed\" date NOT NULL DEFAULT CURRENT_DATE);\n"
                        + "INSERT INTO \"orders\" (\"id\") VALUES (1);",
                "DROP TABLE \"orders\";");
    }

    private void second() throws IOException {
        MigrationFiles.write(migrations, "dddd00000002", "dddd00000001", "order total", 2,
                "ALTER TABLE \"orders\" ADD COLUMN \"total\" numeric(12,2);", "ALTER TABLE \"orders\" DROP COLUMN \"total\";");
    }

    private CliRun run(Map<String, String> extraEnv, String... args) {
        Map<String, String> env = new HashMap<>(Map.of("MIGRATE_WATCH_ENV", "production"));
        env.putAll(extraEnv);
        return CliRun.in(project, env, db.jdbcUrl() + "?user=" + db.url().user(), args);
    }

    private List<String> history(String schema) {
        return db.queryStrings("SELECT revision FROM \"" + schema + "\".migrate_watch_history ORDER BY revision");
    }

    private boolean hasColumn(String schema, String table, String column) {
        return db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_schema = '" + schema
                + "' AND table_name = '" + table + "' AND column_name = '" + column + "'") == 1;
    }

    /** The most connections of migrate-watch to the test database seen while {@code work} runs. */
    private static long peakConnections(Runnable work) throws InterruptedException {
        AtomicLong peak = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(db.queryLong("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND application_name = 'migrate-watch'"), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        try {
            work.run();
        } finally {
            running.set(false);
            sampler.join();
        }
        return peak.get();
    }

    @Test
    void sixTenantsOneOfWhichFailsTheOthersReachHeadAndTheExitCodeSaysSomeFailed() throws Exception {
        // tenant_c already has an orders table, made by hand: the first migration cannot create it there
        db.execute("CREATE TABLE tenant_c.orders (code text)", "INSERT INTO tenant_c.orders VALUES ('kept')");

        CliRun[] first = new CliRun[1];
        long peak = peakConnections(() -> first[0] = run(Map.of("DEPLOY_PARALLELISM", "3"), "deploy", "--schemas", "tenant_*"));
        CliRun r = first[0];

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(7);
        for (String tenant : TENANTS) {
            if (!tenant.equals("tenant_c")) {
                assertThat(history(tenant)).as(tenant).containsExactly("dddd00000001");
                assertThat(db.queryLong("SELECT count(*) FROM " + tenant + ".orders")).isEqualTo(1);
            }
        }
        assertThat(db.queryStrings("SELECT code FROM tenant_c.orders")).as("the failing tenant is as it was").containsExactly("kept");
        assertThat(db.queryStrings("SELECT to_regclass('tenant_c.migrate_watch_history')::text")).as("no history recorded")
                .containsOnlyNulls();
        assertThat(db.queryLong("SELECT count(*) FROM pg_tables WHERE schemaname IN ('public', 'billing')"))
                .as("schemas the pattern does not match are untouched").isZero();
        assertThat(r.out()).contains("Database: " + db.url().redacted() + "; 6 schemas matching 'tenant_*', 3 at a time (deploy.parallelism); head dddd00000001\n",
                "\nSCHEMA    RESULT            DETAIL\n",
                "\ntenant_a  applied 1\n",
                "\ntenant_c  FAILED (upgrade)  migration 20261101_100001_dddd00000001_orders.sql failed at line 9 (up): CREATE TABLE \"orders\"",
                "[6/6] ");
        assertThat(r.err()).contains("tenant_c: failed at step 3/4 upgrade (exit 4)", "ERROR: relation \"orders\" already exists",
                "DEPLOY FAILED for 1 of 6 schemas (exit 7): tenant_c; the other 5 are at head dddd00000001");
        // tenant_c held rows, so it was backed up first; the command printed to restore it works as printed
        String restore = r.err().lines().filter(l -> l.startsWith("  To restore it: ")).findFirst().orElseThrow()
                .substring("  To restore it: ".length());
        assertThat(restore).startsWith("DATABASE_SCHEMA=tenant_c migrate-watch db restore backups/tenant_c/backup_").endsWith(" --yes");
        String[] words = restore.split(" ");
        CliRun restored = run(Map.of("DATABASE_SCHEMA", "tenant_c"), "db", "restore", words[4], "--yes");
        assertThat(restored.exitCode()).as(restored.toString()).isZero();
        assertThat(db.queryStrings("SELECT code FROM tenant_c.orders")).containsExactly("kept");
        assertThat(history("tenant_a")).as("another tenant's restore leaves this one alone").containsExactly("dddd00000001");
        assertThat(peak).as("connections: two per schema at once (its migration and its lock), and the replay's")
                .isLessThanOrEqualTo(2 * 3 + 1);
        System.out.printf("deploy --schemas: 6 schemas, parallelism 3: peak %d connections to the database%n", peak);

        // the next migration: five schemas hold rows now and are backed up, each into its own folder
        second();
        CliRun json = run(Map.of(), "deploy", "--schemas", "tenant_*", "--json");
        assertThat(json.exitCode()).as(json.toString()).isEqualTo(7);
        Config doc = ConfigFactory.parseString(json.out());
        assertThat(doc.getBoolean("ok")).isFalse();
        assertThat(doc.getInt("exitCode")).isEqualTo(7);
        assertThat(doc.getString("head")).isEqualTo("dddd00000002");
        assertThat(doc.getInt("counts.applied")).isEqualTo(5);
        assertThat(doc.getInt("counts.failed")).isEqualTo(1);
        Config c = doc.getConfigList("schemas").get(2);
        assertThat(c.getString("schema")).isEqualTo("tenant_c");
        assertThat(c.getString("result")).isEqualTo("failed");
        assertThat(c.getString("failedStep")).isEqualTo("upgrade");
        Config a = doc.getConfigList("schemas").get(0);
        assertThat(a.getString("result")).isEqualTo("applied");
        assertThat(a.getInt("migrations")).isEqualTo(1);
        assertThat(a.getString("backup")).startsWith("backups/tenant_a/backup_");
        assertThat(Files.list(project.resolve("backups/tenant_a")).filter(f -> f.getFileName().toString().startsWith("backup_")).count()).isEqualTo(1);
        assertThat(hasColumn("tenant_f", "orders", "total")).isTrue();

        // the hand-made table removed, the next deploy brings tenant_c to head and the others are already there
        db.execute("DROP TABLE tenant_c.orders");
        CliRun fixed = run(Map.of(), "deploy", "--schemas", "tenant_*");
        assertThat(fixed.exitCode()).as(fixed.toString()).isZero();
        assertThat(fixed.out()).contains("\ntenant_c  applied 2\n", "\ntenant_b  already at head\n",
                "DEPLOYED dddd00000002 to 6 schemas (1 migrated, 5 already at head) in ");
        for (String tenant : TENANTS) {
            assertThat(history(tenant)).as(tenant).containsExactly("dddd00000001", "dddd00000002");
            assertThat(hasColumn(tenant, "orders", "total")).isTrue();
        }
    }

    @Test
    void aListFileNamesTheSchemasAndOneNotYetThereIsCreated() throws Exception {
        Files.writeString(project.resolve("tenants.txt"), "# active tenants\ntenant_b\n\ntenant_new\n");

        CliRun r = run(Map.of(), "deploy", "--schemas-from", "tenants.txt");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("2 schemas listed in tenants.txt", "DEPLOYED dddd00000001 to 2 schemas (2 migrated, 0 already at head)");
        assertThat(history("tenant_b")).containsExactly("dddd00000001");
        assertThat(history("tenant_new")).containsExactly("dddd00000001");
        assertThat(db.queryLong("SELECT count(*) FROM pg_tables WHERE schemaname = 'tenant_a'")).isZero();
    }

    @Test
    void aDryRunChangesNoSchema() {
        CliRun r = run(Map.of(), "deploy", "--schemas", "tenant_[ab]", "--dry-run");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("\ntenant_a  would apply 1\n", "DRY RUN: nothing was changed (2 of 2 schemas have migrations to apply");
        assertThat(db.queryLong("SELECT count(*) FROM pg_tables WHERE schemaname LIKE 'tenant%'")).isZero();
    }

    @Test
    void aPatternMatchingNothingAndBrokenFilesStopBeforeAnySchemaIsTouched() throws Exception {
        CliRun none = run(Map.of(), "deploy", "--schemas", "customer_*");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("DEPLOY FAILED before any schema was touched (exit 2)",
                "no schema of the database matches 'customer_*' (its schemas: billing, public, tenant_a, tenant_b, tenant_c,"
                        + " tenant_d, tenant_e, tenant_f). Nothing was applied.");

        // two branches each added a migration: said once, not once per schema
        MigrationFiles.write(migrations, "eeee00000001", "dddd00000001", "branch one", 3, "SELECT 1;", "SELECT 1;");
        MigrationFiles.write(migrations, "eeee00000002", "dddd00000001", "branch two", 4, "SELECT 1;", "SELECT 1;");
        CliRun conflict = run(Map.of(), "deploy", "--schemas", "tenant_*");
        assertThat(conflict.exitCode()).isEqualTo(1);
        assertThat(conflict.err()).contains("CONFLICT: heads eeee0000", "Nothing was applied to any schema.");
        assertThat(db.queryLong("SELECT count(*) FROM pg_tables WHERE schemaname LIKE 'tenant%'")).isZero();

        CliRun both = run(Map.of(), "deploy", "--schemas", "tenant_*", "--schemas-from", "x.txt");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("deploy takes --schemas or --schemas-from, not both. Nothing was applied.");
    }
}
