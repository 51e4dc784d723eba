package io.migratewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.migratewatch.support.CliRun;
import io.migratewatch.support.MigrationFiles;
import io.migratewatch.support.TestDatabase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code upgrade} with {@code migrations.lock-safe = auto} on a table holding rows that another session keeps locked. */
class LockSafeUpgradeCommandTest {

    private static TestDatabase db;

    @TempDir
    Path project;
    private Path migrations;

    @BeforeAll
    static void database() {
        db = TestDatabase.create("locksafeupgrade");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @BeforeEach
    void appliedTableWithRows() throws IOException {
        db.execute("DROP SCHEMA public CASCADE", "CREATE SCHEMA public");
        Files.writeString(project.resolve("watcher.conf"), """
                models.paths = ["src/main/java"]
                migrations.dir = "migrations"
                backup.enabled = false
                migrations.lock-timeout = 300ms
                deploy.retries = 1
                """);
        migrations = project.resolve("migrations");
        MigrationFiles.write(migrations, "aaaa00000001", null, "customers", 1,
                "CREATE TABLE \"customer\" (\"id\" bigint PRIMARY KEY, \"name\" text);", "DROP TABLE \"customer\";");
        assertThat(run("upgrade").exitCode()).isZero();
        db.execute("INSERT INTO customer VALUES (1, 'Ada')");
        MigrationFiles.write(migrations, "aaaa00000002", "aaaa00000001", "customer email", 2,
                "ALTER TABLE \"customer\" ADD COLUMN \"email\" text;", "ALTER TABLE \"customer\" DROP COLUMN \"email\";");
    }

    /**
     * The application's session: it reads the customer table in a transaction it leaves open, so that it holds an
     * AccessShareLock there (its last query: {@code SELECT pg_backend_pid() FROM customer}); returns its pid.
     */
    private static int readCustomerAndStayInTransaction(Connection app) throws SQLException {
        app.setAutoCommit(false);
        try (Statement s = app.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid() FROM customer")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private CliRun run(String... args) {
        return CliRun.in(project, Map.of(), db.jdbcUrl() + "?user=" + db.url().user(), args);
    }

    @Test
    void aLockHeldByAnIdleTransactionStopsTheUpgradeAfterTheRetriesAndNamesTheSession() throws SQLException {
        try (Connection app = db.connect()) {
            int pid = readCustomerAndStayInTransaction(app);
            CliRun upgrade = run("upgrade");
            assertThat(upgrade.exitCode()).as(upgrade.toString()).isEqualTo(4);
            assertThat(upgrade.out() + upgrade.err()).contains(
                    "lock timeout: 20261101_100002_aaaa00000002_customer_email.sql waited 300 ms for a lock: session pid " + pid
                            + " (idle in transaction for ",
                    "holds AccessShareLock on \"customer\"; its last query: SELECT pg_backend_pid() FROM customer; trying again in 1 s"
                            + " (attempt 2 of 2)",
                    "Gave up after 2 attempts, each waiting 300 ms (lock_timeout) for a lock held by session pid " + pid,
                    "SELECT pg_terminate_backend(" + pid + ")");
            assertThat(db.queryLong("SELECT count(*) FROM migrate_watch_history")).isEqualTo(1);
            app.commit();
        }
        assertThat(run("upgrade").exitCode()).isZero();
        assertThat(db.queryLong("SELECT count(*) FROM migrate_watch_history")).isEqualTo(2);
    }

    @Test
    void generatesProofOnTheDatabaseWaitsNoLongerThanTheLockTimeoutAndWritesNothing() throws Exception {
        assertThat(run("upgrade").exitCode()).isZero();
        Path entity = project.resolve("src/main/java/app/Customer.java");
        Files.createDirectories(entity.getParent());
        Files.writeString(entity, """
                package app;

                import jakarta.persistence.*;

                @Entity
                @Table(name = "customer")
                public class Customer {
                    @Id
                    private Long id;
                    @Column(columnDefinition = "text")
                    private String name;
                    @Column(columnDefinition = "text")
                    private String email;
                    @Column(columnDefinition = "text")
                    private String phone;
                }
                """);
        try (Connection app = db.connect()) {
            int pid = readCustomerAndStayInTransaction(app);
            CliRun generate = run("generate", "customer phone");
            assertThat(generate.exitCode()).as(generate.toString()).isNotZero();
            assertThat(generate.out() + generate.err()).contains("proving the migration failed in its up section: ALTER TABLE \"customer\"",
                    "canceling statement due to lock timeout", "a lock held by session pid " + pid, "Nothing was applied.");
            try (var files = Files.list(migrations)) {
                assertThat(files.map(f -> f.getFileName().toString())).as("no migration written").noneMatch(n -> n.contains("phone"));
            }
            app.commit();
        }
        CliRun again = run("generate", "customer phone");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("+ add customer.phone");
    }

    @Test
    void downgradeWaitsNoLongerThanTheLockTimeoutEitherAndNamesTheSessionHoldingTheLock() throws SQLException {
        assertThat(run("upgrade").exitCode()).isZero();
        try (Connection app = db.connect()) {
            int pid = readCustomerAndStayInTransaction(app);
            // the check of what the down section would drop runs it first (rolled back); --allow-destructive skips that check
            for (String[] args : List.of(new String[] {"downgrade", "--steps", "1"},
                    new String[] {"downgrade", "--steps", "1", "--allow-destructive"})) {
                CliRun downgrade = run(args);
                assertThat(downgrade.exitCode()).as(downgrade.toString()).isEqualTo(4);
                assertThat(downgrade.out() + downgrade.err()).contains(
                        "lock timeout: 20261101_100002_aaaa00000002_customer_email.sql waited 300 ms for a lock: session pid " + pid
                                + " (idle in transaction for ",
                        "its last query: SELECT pg_backend_pid() FROM customer; trying again in 1 s (attempt 2 of 2)",
                        "(down): ALTER TABLE \"customer\" DROP COLUMN \"email\"",
                        "Gave up after 2 attempts, each waiting 300 ms (lock_timeout) for a lock held by session pid " + pid,
                        "SELECT pg_terminate_backend(" + pid + ")");
                assertThat(db.queryLong("SELECT count(*) FROM migrate_watch_history")).isEqualTo(2);
                assertThat(db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_name = 'customer'"
                        + " AND column_name = 'email'")).as("the column stays").isEqualTo(1);
                if (args.length == 4) {
                    assertThat(downgrade.out() + downgrade.err()).contains("Nothing was reverted: the database is as it was before this downgrade")
                            .doesNotContain("To go back");
                }
            }
            app.commit();
        }
        CliRun again = run("downgrade", "--steps", "1");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(db.queryLong("SELECT count(*) FROM migrate_watch_history")).isEqualTo(1);
    }
}
