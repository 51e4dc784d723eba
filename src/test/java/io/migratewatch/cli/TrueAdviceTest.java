package io.migratewatch.cli;

import io.migratewatch.support.CliRun;
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

/**
 * What a failed run advises and what {@code downgrade} drops, through the real command line on a real
 * database: advice names only what the run changed, and a down section that would drop values is held
 * until the user accepts the loss.
 */
class TrueAdviceTest {

    private static TestDatabase db;

    @TempDir
    Path project;

    @BeforeAll
    static void database() {
        db = TestDatabase.create("advice");
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
                """);
        Files.createDirectories(project.resolve("src/main/java"));
        Files.createDirectories(project.resolve("migrations"));
    }

    private CliRun run(String... args) {
        return CliRun.in(project, db.jdbcUrl() + "?user=" + db.url().user(), args);
    }

    private CliRun ok(String... args) {
        CliRun r = run(args);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r;
    }

    private void migration(String revision, String parent, String up, String down) throws IOException {
        Files.writeString(project.resolve("migrations/2099010" + (revision.charAt(0) - 'a' + 1) + "_000000_" + revision + "_manual.sql"), """
                -- migrate-watch migration
                -- revision: %s
                -- parents: %s
                -- description: manual
                -- created: 2099-01-01T00:00:00Z
                -- generated: manual

                -- +up
                %s

                -- +down
                %s
                """.formatted(revision, parent, up, down));
    }

    private static final String A = "aaaaaaaaaaaa";
    private static final String B = "bbbbbbbbbbbb";
    private static final String C = "cccccccccccc";

    /** Two good migrations applied: a customer table, then its phone column, holding 100 values. */
    private void customersWithPhones() throws IOException {
        migration(A, "none", "CREATE TABLE \"customer\" (\"id\" bigint PRIMARY KEY, \"name\" text);", "DROP TABLE \"customer\";");
        migration(B, A, "ALTER TABLE \"customer\" ADD COLUMN \"phone\" text;", "ALTER TABLE \"customer\" DROP COLUMN \"phone\";");
        ok("upgrade");
        db.execute("INSERT INTO customer SELECT g, 'c' || g, '+31 ' || g FROM generate_series(1, 100) g");
    }

    private static long phones() {
        return db.queryLong("SELECT count(phone) FROM customer");
    }

    private static long applied() {
        return db.queryLong("SELECT count(*) FROM migrate_watch_history");
    }

    @Test
    void aFailedUpgradeThatAppliedNothingSaysSoAndGivesNoWayBack() throws Exception {
        customersWithPhones();
        migration(C, B, "ALTER TABLE \"missing\" ADD COLUMN \"x\" integer;", "SELECT 1;");

        CliRun failed = run("upgrade", "--no-backup");

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(4);
        assertThat(failed.err()).contains("_cccccccccccc_manual.sql failed", "rolled back",
                        "Nothing was applied: the database is as it was before this upgrade, so there is nothing to undo.")
                .doesNotContain("downgrade").doesNotContain("db restore");
        assertThat(applied()).isEqualTo(2);
        assertThat(phones()).isEqualTo(100);
    }

    @Test
    void aFailedUpgradeWithoutBackupNamesTheDowngradeOfExactlyWhatItApplied() throws Exception {
        migration(A, "none", "CREATE TABLE \"customer\" (\"id\" bigint PRIMARY KEY, \"name\" text);", "DROP TABLE \"customer\";");
        ok("upgrade");
        migration(B, A, "ALTER TABLE \"customer\" ADD COLUMN \"phone\" text;", "ALTER TABLE \"customer\" DROP COLUMN \"phone\";");
        migration(C, B, "ALTER TABLE \"missing\" ADD COLUMN \"x\" integer;", "SELECT 1;");

        CliRun failed = run("upgrade", "--no-backup");

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(4);
        assertThat(failed.err()).contains("No backup was taken (--no-backup).", "The 1 migration applied before the failure stays applied.",
                "To go back: migrate-watch downgrade --steps 1");
        assertThat(applied()).isEqualTo(2);
    }

    @Test
    void inProductionTheAdvisedCommandCarriesTheYesThatProductionAsksForAndWorksAsGiven() throws Exception {
        Map<String, String> production = Map.of("MIGRATE_WATCH_ENV", "production");
        String url = db.jdbcUrl() + "?user=" + db.url().user();
        migration(A, "none", "CREATE TABLE \"customer\" (\"id\" bigint PRIMARY KEY, \"name\" text);", "DROP TABLE \"customer\";");
        ok("upgrade");
        migration(B, A, "ALTER TABLE \"customer\" ADD COLUMN \"phone\" text;", "ALTER TABLE \"customer\" DROP COLUMN \"phone\";");
        migration(C, B, "ALTER TABLE \"missing\" ADD COLUMN \"x\" integer;", "SELECT 1;");

        CliRun failed = CliRun.in(project, production, url, "upgrade", "--no-backup");

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(4);
        assertThat(failed.err()).contains("To go back: migrate-watch downgrade --steps 1 --yes");
        CliRun back = CliRun.in(project, production, url, "downgrade", "--steps", "1", "--yes");
        assertThat(back.exitCode()).as(back.toString()).isZero();
        assertThat(applied()).isEqualTo(1);
        assertThat(db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_name = 'customer' AND column_name = 'phone'")).isZero();
    }

    @Test
    void downgradeMeasuresWhatItsDownSectionWouldDropAndHoldsItWithoutTheFlag() throws Exception {
        customersWithPhones();

        CliRun held = run("downgrade", "--steps", "1");

        assertThat(held.exitCode()).as(held.toString()).isEqualTo(5);
        assertThat(held.err()).contains("downgrade would lose data, so nothing was reverted", "drops column customer.phone (100 values)",
                "To accept the loss: migrate-watch downgrade --steps 1 --allow-destructive");
        assertThat(phones()).isEqualTo(100);
        assertThat(applied()).isEqualTo(2);

        CliRun accepted = ok("downgrade", "--steps", "1", "--allow-destructive");

        assertThat(accepted.out()).contains("✓ Reverted 20990102_000000_" + B + "_manual.sql");
        assertThat(db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_name = 'customer' AND column_name = 'phone'"))
                .isZero();
        assertThat(applied()).isEqualTo(1);
    }

    @Test
    void everyMigrationOfALongerDowngradeIsMeasuredOnTheDataItWouldMeet() throws Exception {
        customersWithPhones();

        CliRun held = run("downgrade", "--to", "base");

        assertThat(held.exitCode()).as(held.toString()).isEqualTo(5);
        assertThat(held.err()).contains("drops column customer.phone (100 values) in 20990102_000000_" + B + "_manual.sql",
                "drops table customer (100 rows) in 20990101_000000_" + A + "_manual.sql",
                "migrate-watch downgrade --to base --allow-destructive");
        assertThat(applied()).isEqualTo(2);
        assertThat(phones()).isEqualTo(100);
    }

    @Test
    void aDownSectionThatDropsNoValuesGoesThroughWithoutTheFlag() throws Exception {
        customersWithPhones();
        db.execute("UPDATE customer SET phone = NULL");

        ok("downgrade", "--steps", "1");

        assertThat(applied()).isEqualTo(1);
        assertThat(db.queryLong("SELECT count(*) FROM customer")).isEqualTo(100);
    }

    @Test
    void aDownSectionThatRenamesAColumnBackKeepsItsValuesAndIsNoLoss() throws Exception {
        customersWithPhones();
        migration(C, B, "ALTER TABLE \"customer\" RENAME COLUMN \"phone\" TO \"mobile\";",
                "ALTER TABLE \"customer\" RENAME COLUMN \"mobile\" TO \"phone\";");
        ok("upgrade");

        ok("downgrade", "--steps", "1");

        assertThat(phones()).isEqualTo(100);
        assertThat(applied()).isEqualTo(2);
    }

    @Test
    void aDownSectionThatFailsIsReportedAndNothingIsReverted() throws Exception {
        customersWithPhones();
        migration(C, B, "SELECT 1;", "ALTER TABLE \"nowhere\" DROP COLUMN \"x\";");
        ok("upgrade");

        CliRun failed = run("downgrade", "--steps", "2");

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(4);
        assertThat(failed.err()).contains("_cccccccccccc_manual.sql failed", "(down)", "\"nowhere\" does not exist")
                .doesNotContain("To go back");
        assertThat(applied()).isEqualTo(3);
        assertThat(phones()).isEqualTo(100);
    }
}
