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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manual workflow through the real command line, on a real database: generate, upgrade,
 * generate again, downgrade, history, status, and every kind of bad input.
 */
class ManualWorkflowTest {

    private static TestDatabase db;

    @TempDir
    Path project;

    @BeforeAll
    static void database() {
        db = TestDatabase.create("cli");
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
        Files.createDirectories(project.resolve("src/main/java/shop"));
    }

    private void entity(String name, String body) throws IOException {
        Files.writeString(project.resolve("src/main/java/shop/" + name + ".java"), """
                package shop;
                import jakarta.persistence.*;
                """ + body);
    }

    private CliRun run(String... args) {
        return CliRun.in(project, db.jdbcUrl() + "?user=" + db.url().user(), args);
    }

    private List<Path> migrationFiles() throws IOException {
        Path dir = project.resolve("migrations");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
    }

    /** The migration that has a parent (file names sort by second, and two may share one). */
    private Path child() throws IOException {
        for (Path p : migrationFiles()) {
            if (!Files.readString(p).contains("-- parents: none")) {
                return p;
            }
        }
        throw new AssertionError("no migration with a parent in " + migrationFiles());
    }

    private Path root() throws IOException {
        for (Path p : migrationFiles()) {
            if (Files.readString(p).contains("-- parents: none")) {
                return p;
            }
        }
        throw new AssertionError("no first migration in " + migrationFiles());
    }

    private static final String CUSTOMER = """
            @Entity
            public class Customer {
                @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                @Column(nullable = false, length = 80) private String name;
                private Integer age;
            }
            """;

    @Test
    void generateUpgradeGenerateAgainDowngrade() throws IOException {
        entity("Customer", CUSTOMER);

        CliRun generated = run("generate", "initial schema");
        assertThat(generated.exitCode()).as(generated.toString()).isZero();
        assertThat(migrationFiles()).hasSize(1);
        assertThat(migrationFiles().get(0).getFileName().toString()).matches("\\d{8}_\\d{6}_[0-9a-f]{12}_initial_schema\\.sql");
        String file = Files.readString(migrationFiles().get(0));
        assertThat(file).contains("-- parents: none", "-- +up", "CREATE TABLE \"customer\"", "-- +down", "DROP TABLE \"customer\"");
        assertThat(db.queryLong("select count(*) from pg_tables where tablename = 'customer'")).as("generate applies nothing").isZero();

        CliRun upgraded = run("upgrade");
        assertThat(upgraded.exitCode()).as(upgraded.toString()).isZero();
        assertThat(upgraded.out()).contains("✓ Applied");
        assertThat(db.queryLong("select count(*) from information_schema.columns where table_name = 'customer'")).isEqualTo(3);

        CliRun again = run("generate", "again");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("No changes detected");
        assertThat(migrationFiles()).hasSize(1);

        CliRun history = run("history");
        assertThat(history.out()).contains("applied", "initial schema", "ok");

        CliRun status = run("status");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).contains("● UP TO DATE", "✓ Connected", "✓ 1 table", "✓ Valid");

        CliRun down = run("downgrade", "--steps", "1");
        assertThat(down.exitCode()).as(down.toString()).isZero();
        assertThat(db.queryLong("select count(*) from pg_tables where schemaname = 'public' and tablename <> 'migrate_watch_history'")).isZero();
        assertThat(run("history").out()).contains("pending");
    }

    @Test
    void aTimeZoneStoredInAColumnInsteadOfNormalizedIsMigratedBothWays() throws IOException {
        String flight = """
                @Entity
                public class Flight {
                    @Id private Long id;
                    @org.hibernate.annotations.TimeZoneStorage(org.hibernate.annotations.TimeZoneStorageType.%s)
                    private java.time.OffsetDateTime departs;
                }
                """;
        entity("Flight", flight.formatted("NORMALIZE"));
        assertThat(run("generate", "one").exitCode()).isZero();
        assertThat(run("upgrade").exitCode()).isZero();
        assertThat(db.queryStrings("select data_type from information_schema.columns where table_name = 'flight'"
                + " and column_name = 'departs'")).containsExactly("timestamp without time zone");

        entity("Flight", flight.formatted("COLUMN"));
        CliRun offset = run("generate", "offset column");
        assertThat(offset.exitCode()).as(offset.toString()).isZero();
        assertThat(Files.readString(child())).contains("\"departs_tz\"");
        CliRun upgraded = run("upgrade");
        assertThat(upgraded.exitCode()).as(upgraded.toString()).isZero();
        assertThat(db.queryStrings("select data_type from information_schema.columns where table_name = 'flight'"
                + " and column_name = 'departs'")).containsExactly("timestamp with time zone");
        assertThat(db.queryStrings("select data_type from information_schema.columns where table_name = 'flight'"
                + " and column_name = 'departs_tz'")).containsExactly("integer");
        assertThat(run("generate", "again").out()).contains("No changes detected");

        CliRun down = run("downgrade", "--steps", "1");
        assertThat(down.exitCode()).as(down.toString()).isZero();
        assertThat(db.queryLong("select count(*) from information_schema.columns where table_name = 'flight'"
                + " and column_name = 'departs_tz'")).isZero();
        assertThat(db.queryStrings("select data_type from information_schema.columns where table_name = 'flight'"
                + " and column_name = 'departs'")).containsExactly("timestamp without time zone");
    }

    @Test
    void aSecondMigrationHasTheFirstAsParentAndGenerateRefusesWhilePending() throws IOException {
        entity("Customer", CUSTOMER);
        assertThat(run("generate", "one").exitCode()).isZero();
        entity("Customer", CUSTOMER.replace("private Integer age;", "private Integer age; private String email;"));

        CliRun refused = run("generate", "two");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("1 migration pending: run upgrade first");

        assertThat(run("upgrade").exitCode()).isZero();
        CliRun second = run("generate", "add email");
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(migrationFiles()).hasSize(2);
        String first = Files.readString(root());
        String revision = first.lines().filter(l -> l.startsWith("-- revision:")).findFirst().orElseThrow().substring(13).trim();
        assertThat(Files.readString(child())).contains("-- parents: " + revision, "ADD COLUMN \"email\" varchar(255)");

        CliRun status = run("status", "--json");
        assertThat(status.exitCode()).isEqualTo(1);
        assertThat(status.out()).contains("\"status\":\"PENDING\"", "\"pending\":1");

        CliRun sql = run("upgrade", "--sql");
        assertThat(sql.out()).contains("ADD COLUMN \"email\"");
        assertThat(db.queryLong("select count(*) from information_schema.columns where table_name = 'customer' and column_name = 'email'"))
                .as("--sql prints and applies nothing").isZero();

        assertThat(run("upgrade").exitCode()).isZero();
        assertThat(run("downgrade", "--to", "base").exitCode()).isZero();
        assertThat(db.queryLong("select count(*) from pg_tables where schemaname = 'public' and tablename = 'customer'")).isZero();
    }

    @Test
    void droppingAColumnWithDataNeedsReviewAndARenameKeepsTheData() throws IOException {
        entity("Customer", CUSTOMER);
        run("generate", "one");
        run("upgrade");
        db.execute("insert into customer (name, age) values ('a', 30), ('b', 40), ('c', null)");
        entity("Customer", CUSTOMER.replace("private Integer age;", "private Integer birthYear;"));

        CliRun held = run("generate", "rename age");
        assertThat(held.exitCode()).as(held.toString()).isEqualTo(5);
        assertThat(held.err()).contains("drops column customer.age (2 values)", "--rename customer.age=birth_year", "--allow-destructive");
        assertThat(migrationFiles()).hasSize(1);

        CliRun renamed = run("generate", "rename age", "--rename", "customer.age=birth_year");
        assertThat(renamed.exitCode()).as(renamed.toString()).isZero();
        assertThat(Files.readString(child())).contains("RENAME COLUMN \"age\" TO \"birth_year\"")
                .doesNotContain("DROP COLUMN");
        assertThat(run("upgrade").exitCode()).isZero();
        assertThat(db.queryLong("select sum(birth_year) from customer")).isEqualTo(70);
    }

    @Test
    void aRenamedCommentKeepsTheData() throws IOException {
        entity("Customer", CUSTOMER);
        run("generate", "one");
        run("upgrade");
        db.execute("insert into customer (name, age) values ('a', 30)");
        entity("Customer", CUSTOMER.replace("private Integer age;", "// @renamed from=age\n    private Integer years;"));
        CliRun renamed = run("generate", "rename");
        assertThat(renamed.exitCode()).as(renamed.toString()).isZero();
        assertThat(run("upgrade").exitCode()).isZero();
        assertThat(db.queryLong("select years from customer")).isEqualTo(30);
    }

    @Test
    void aRenamedTableTakesTheNamesMadeFromItsOldNameAlongAndTheNextGenerateFindsNothing() throws IOException {
        String purchase = """
                @Entity
                public class Purchase {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                    @ManyToOne private Customer customer;
                }
                """;
        entity("Customer", CUSTOMER);
        entity("Purchase", purchase);
        run("generate", "one");
        run("upgrade");
        db.execute("insert into customer (name) values ('a')", "insert into purchase (customer_id) select id from customer");
        String before = foreignKeyName();
        Files.delete(project.resolve("src/main/java/shop/Customer.java"));
        entity("Client", CUSTOMER.replace("class Customer", "class Client"));
        entity("Purchase", purchase.replace("Customer customer", "Client customer"));

        CliRun renamed = run("generate", "rename customer", "--rename", "customer=client");
        assertThat(renamed.exitCode()).as(renamed.toString()).isZero();
        assertThat(Files.readString(child())).contains("RENAME TO \"client\"",
                "RENAME CONSTRAINT \"customer_pkey\" TO \"client_pkey\"", "RENAME CONSTRAINT \"" + before + "\" TO");
        assertThat(run("upgrade").exitCode()).isZero();
        assertThat(foreignKeyName()).as("Hibernate's name for the key is made from the referenced table's").isNotEqualTo(before);
        assertThat(db.queryStrings("select conname from pg_constraint where conrelid = 'client'::regclass")).containsExactly("client_pkey");
        assertThat(db.queryLong("select count(*) from purchase join client on client.id = purchase.customer_id")).isEqualTo(1);
        assertThat(run("generate", "again").out()).contains("No changes detected");

        CliRun down = run("downgrade", "--steps=1");
        assertThat(down.exitCode()).as(down.toString()).isZero();
        assertThat(foreignKeyName()).isEqualTo(before);
        assertThat(db.queryStrings("select conname from pg_constraint where conrelid = 'customer'::regclass")).containsExactly("customer_pkey");
    }

    private String foreignKeyName() {
        return db.queryStrings("select conname from pg_constraint where conrelid = 'purchase'::regclass and contype = 'f'").get(0);
    }

    @Test
    void allowDestructiveWritesTheDrop() throws IOException {
        entity("Customer", CUSTOMER);
        run("generate", "one");
        run("upgrade");
        db.execute("insert into customer (name, age) values ('a', 30)");
        entity("Customer", CUSTOMER.replace("private Integer age;", ""));
        CliRun forced = run("generate", "drop age", "--allow-destructive");
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(Files.readString(child())).contains("DROP COLUMN \"age\"", "ADD COLUMN \"age\" integer");
    }

    @Test
    void droppingAnEmptyColumnIsNotDestructive() throws IOException {
        entity("Customer", CUSTOMER);
        assertThat(run("generate", "one").exitCode()).isZero();
        assertThat(run("upgrade").exitCode()).isZero();
        db.execute("insert into customer (name) values ('a')");
        entity("Customer", CUSTOMER.replace("private Integer age;", ""));

        CliRun result = run("generate", "drop empty age");

        // written without --allow-destructive: the column holds no value, so the drop loses nothing
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).as(result.toString()).contains("Generated ", "drop customer.age").doesNotContain("No changes");
        assertThat(result.err()).as(result.toString()).doesNotContain("--allow-destructive");
        assertThat(migrationFiles()).hasSize(2);
        assertThat(Files.readString(child())).contains("-- description: drop empty age", "DROP COLUMN \"age\"",
                "ADD COLUMN \"age\" integer");

        CliRun upgraded = run("upgrade");
        assertThat(upgraded.exitCode()).as(upgraded.toString()).isZero();
        assertThat(db.queryLong("select count(*) from information_schema.columns where table_name = 'customer' and column_name = 'age'"))
                .as("the column is gone").isZero();
        assertThat(db.queryLong("select count(*) from customer where name = 'a'")).as("the row is kept").isEqualTo(1);
    }

    @Test
    void aBrokenEntityFileNamesFileLineAndColumnAndWritesNothing() throws IOException {
        entity("Customer", """
                @Entity
                public class Customer {
                    @Id private Long id
                    private String name;
                }
                """);
        CliRun result = run("generate", "broken");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).containsPattern("Customer\\.java:6:\\d+: syntax error");
        assertThat(migrationFiles()).isEmpty();
    }

    @Test
    void statusShowsABrokenEntityFileInsteadOfFailing() throws IOException {
        entity("Customer", "@Entity public class Customer { @Id private Long id\n}");
        CliRun status = run("status");
        assertThat(status.exitCode()).as("the migrations themselves are up to date: " + status).isZero();
        assertThat(status.out()).contains("✓ Connected", "Models:", "✗ Customer.java:4:1: syntax error");
    }

    @Test
    void anUnreachableDatabaseIsExitThreeAndHidesThePassword() {
        CliRun result = CliRun.in(project, "postgres://admin:s3cret@127.0.0.1:1/shop", "status", "--json");
        CliRun generate = CliRun.in(project, "postgres://admin:s3cret@127.0.0.1:1/shop", "upgrade");
        assertThat(generate.exitCode()).as(generate.toString()).isEqualTo(3);
        assertThat(generate.err()).contains("127.0.0.1:1").doesNotContain("s3cret");
        assertThat(result.out() + result.err()).doesNotContain("s3cret");
    }

    @Test
    void aMalformedMigrationFileNamesFileAndLine() throws IOException {
        Files.createDirectories(project.resolve("migrations"));
        Files.writeString(project.resolve("migrations/20260101_000000_aaaaaaaaaaaa_x.sql"), """
                -- migrate-watch migration
                -- revision: aaaaaaaaaaaa
                -- parents: none
                -- description: x
                -- created: 2026-01-01T00:00:00Z
                -- generated: manual

                CREATE TABLE t (id int);
                """);
        CliRun result = run("upgrade");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("20260101_000000_aaaaaaaaaaaa_x.sql:", "no '-- +up' section");

        Files.writeString(project.resolve("migrations/20260101_000000_aaaaaaaaaaaa_x.sql"), """
                -- migrate-watch migration
                -- revision: aaaaaaaaaaaa
                -- parents: bbbbbbbbbbbb
                -- description: x
                -- created: 2026-01-01T00:00:00Z
                -- generated: manual

                -- +up
                -- +down
                """);
        CliRun unknownParent = run("upgrade");
        assertThat(unknownParent.exitCode()).isEqualTo(2);
        assertThat(unknownParent.err()).contains("x.sql:3", "unknown parent bbbbbbbbbbbb");
    }

    @Test
    void aFailingMigrationIsRolledBackWholeAndNamesTheLine() throws IOException {
        Files.createDirectories(project.resolve("migrations"));
        Files.writeString(project.resolve("migrations/20260101_000000_aaaaaaaaaaaa_bad.sql"), """
                -- migrate-watch migration
                -- revision: aaaaaaaaaaaa
                -- parents: none
                -- description: bad
                -- created: 2026-01-01T00:00:00Z
                -- generated: manual

                -- +up
                CREATE TABLE "first" ("id" integer);

                ALTER TABLE "missing" ADD COLUMN "x" integer;

                -- +down
                DROP TABLE "first";
                """);
        CliRun result = run("upgrade");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
        assertThat(result.err()).contains("_bad.sql failed at line 11", "ALTER TABLE \"missing\"", "rolled back");
        assertThat(db.queryLong("select count(*) from pg_tables where tablename = 'first'")).isZero();
        assertThat(db.queryLong("select count(*) from pg_class where relname = 'migrate_watch_history'"))
                .as("not even the history table was left behind").isZero();
    }

    @Test
    void anEditedAppliedFileIsAChecksumMismatchAndUpgradeRefuses() throws IOException {
        entity("Customer", CUSTOMER);
        run("generate", "one");
        run("upgrade");
        Path file = migrationFiles().get(0);
        Files.writeString(file, Files.readString(file).replace("-- +down", "SELECT 1;\n\n-- +down"));
        CliRun status = run("status");
        assertThat(status.out()).contains("CHECKSUM MISMATCH").doesNotContain("DRIFT");
        CliRun upgrade = run("upgrade");
        assertThat(upgrade.exitCode()).isEqualTo(1);
        assertThat(upgrade.err()).contains("CHECKSUM MISMATCH", file.getFileName().toString());
    }

    @Test
    void keywordAndQuoteNamesAreQuoted() throws IOException {
        entity("Order", """
                @Entity @Table(name = "order")
                public class Order {
                    @Id private Long id;
                    @Column(name = "select") private String select;
                    @Column(name = "\\"Weird\\"\\"Name\\"") private String weird;
                }
                """);
        assertThat(run("generate", "keywords").exitCode()).isZero();
        CliRun up = run("upgrade");
        assertThat(up.exitCode()).as(up.toString()).isZero();
        assertThat(db.queryLong("select count(*) from information_schema.columns where table_name = 'order' and column_name in ('select', 'Weird\"Name')"))
                .isEqualTo(2);
        assertThat(run("generate", "again").out()).contains("No changes detected");
    }

    @Test
    void aChangePostgresCannotCarryOutIsRefusedBeforeAnyFileIsWritten() throws IOException {
        entity("Doc", """
                @Entity
                public class Doc {
                    @Id private Long id;
                    @Column(columnDefinition = "jsonb") private String body;
                }
                """);
        run("generate", "docs");
        run("upgrade");
        entity("Doc", """
                @Entity
                public class Doc {
                    @Id private Long id;
                    private byte[] body;
                }
                """);
        CliRun result = run("generate", "body as bytes");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
        assertThat(result.err()).contains("cannot cast type jsonb to bytea", "Nothing was applied");
        assertThat(migrationFiles()).hasSize(1);
        assertThat(db.queryLong("select count(*) from information_schema.columns where table_name = 'doc' and data_type = 'jsonb'"))
                .isEqualTo(1);
    }

    @Test
    void diffPrintsTheChangesAndWritesNothing() throws IOException {
        entity("Customer", CUSTOMER);
        CliRun diff = run("diff");
        assertThat(diff.exitCode()).isEqualTo(1);
        assertThat(diff.out()).contains("-- create table customer", "CREATE TABLE \"customer\"");
        assertThat(migrationFiles()).isEmpty();
    }

    @Test
    void unknownSettingIsAClearError() throws IOException {
        Files.writeString(project.resolve("watcher.conf"), "models.pathz = [\"x\"]\n");
        CliRun result = run("status");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("watcher.conf:1", "unknown setting 'models.pathz'");
    }

    @Test
    void environmentDatabaseUrlIsUsed() throws IOException {
        entity("Customer", CUSTOMER);
        CliRun result = CliRun.in(project, Map.of("DATABASE_URL", db.jdbcUrl() + "?user=" + db.url().user()), null, "diff");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).contains("create table customer");
    }
}
