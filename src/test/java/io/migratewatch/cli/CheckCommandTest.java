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
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code check}, the CI gate, through the real command line: files, models against the replayed head, the database. */
class CheckCommandTest {

    private static TestDatabase db;

    @TempDir
    Path project;

    @BeforeAll
    static void database() {
        db = TestDatabase.create("check");
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
        entity("Customer", CUSTOMER);
    }

    private static final String CUSTOMER = """
            @Entity
            public class Customer {
                @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                @Column(nullable = false, length = 80) private String name;
            }
            """;

    private void entity(String name, String body) throws IOException {
        Path file = project.resolve("src/main/java/shop/" + name + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "package shop;\nimport jakarta.persistence.*;\n" + body);
    }

    private CliRun run(String... args) {
        return CliRun.in(project, db.jdbcUrl() + "?user=" + db.url().user(), args);
    }

    @Test
    void passesWhenFilesModelsAndDatabaseAgreeAndNamesEachProblemOtherwise() throws IOException {
        assertThat(run("generate", "initial").exitCode()).isZero();
        CliRun pending = run("check");
        assertThat(pending.exitCode()).as(pending.toString()).isEqualTo(1);
        assertThat(pending.out()).contains("PENDING: 1 migration is not applied to");
        assertThat(pending.err()).contains("check failed: 1 problem");

        assertThat(run("upgrade").exitCode()).isZero();
        CliRun passed = run("check");
        assertThat(passed.exitCode()).as(passed.toString()).isZero();
        assertThat(passed.out()).contains("migrations: 1 files, head ", "models: 1 mapped entities", "check passed");

        entity("Customer", CUSTOMER.replace("private String name;", "private String name; private String email;"));
        db.execute("ALTER TABLE customer ADD COLUMN nickname text");
        CliRun failed = run("check");
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.out()).contains("MODELS CHANGED: 1 change is not in a migration — run migrate-watch generate:",
                "  add customer.email",
                "DRIFT: the live schema differs from the schema the migrations produce (1 difference):", "  add customer.nickname");
        assertThat(failed.err()).contains("check failed: 2 problems");
    }

    @Test
    void anEntityLeftOutOrADraftOrTwoHeadsFailTheGate() throws Exception {
        assertThat(run("generate", "initial").exitCode()).isZero();
        assertThat(run("upgrade").exitCode()).isZero();
        entity("Ticket", """
                @Entity
                @SecondaryTable(name = "ticket_details")
                public class Ticket {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                }
                """);
        Path migrations = project.resolve("migrations");
        String head;
        try (var files = Files.list(migrations)) {
            Path only = files.findFirst().orElseThrow();
            head = Files.readString(only).lines().filter(l -> l.startsWith("-- revision: ")).findFirst().orElseThrow().substring(13);
        }
        MigrationFiles.write(migrations, "dddd00000001", head, "one", 5, "daemon", "SELECT 1;", "SELECT 1;");
        MigrationFiles.write(migrations, "dddd00000002", head, "two", 6, "SELECT 2;", "SELECT 2;");
        CliRun failed = run("check");
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.out()).contains("NOT MIGRATED: shop.Ticket (table ticket): Ticket.java:4:1: @SecondaryTable is not supported yet",
                "CONFLICT: heads dddd0000 (", ") — run migrate-watch merge", "PENDING: 2 migrations are not applied");

        Files.delete(migrations.resolve("20261101_100006_dddd00000002_two.sql"));
        assertThat(new ProcessBuilder("git", "init", "-q").directory(project.toFile()).start().waitFor()).isZero();
        CliRun draft = run("check");
        assertThat(draft.out()).contains("DRAFT: 20261101_100005_dddd00000001_one.sql is still open");
    }

    @Test
    void offlineReplaysIntoTheEmbeddedDatabaseWithoutTouchingTheConfiguredOne() throws IOException {
        assertThat(run("generate", "initial").exitCode()).isZero();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.writeString(project.resolve("watcher.conf"), """
                models.paths = ["src/main/java"]
                migrations.dir = "migrations"
                database.embedded.data-dir = "pgdata"
                database.embedded.port = %d
                """.formatted(port));
        CliRun passed = CliRun.in(project, java.util.Map.of(), null, "check", "--offline");
        assertThat(passed.exitCode()).as(passed.toString()).isZero();
        assertThat(passed.out()).contains("database: not checked (--offline)", "check passed");

        entity("Customer", CUSTOMER.replace("private String name;", "private String name; private String email;"));
        CliRun failed = CliRun.in(project, java.util.Map.of(), null, "check", "--offline");
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.out()).contains("MODELS CHANGED: 1 change is not in a migration", "  add customer.email");
    }

    @Test
    void anUnreachableDatabaseIsANoteNotAFailureAndTheOtherChecksStillHold() throws IOException {
        assertThat(run("generate", "initial").exitCode()).isZero();
        int closed;
        int embedded;
        try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0)) {
            closed = a.getLocalPort();
            embedded = b.getLocalPort();
        }
        Files.writeString(project.resolve("watcher.conf"), """
                models.paths = ["src/main/java"]
                migrations.dir = "migrations"
                database.embedded.data-dir = "pgdata"
                database.embedded.port = %d
                """.formatted(embedded));
        String unreachable = "postgresql://postgres@127.0.0.1:" + closed + "/shop";

        CliRun passed = CliRun.in(project, unreachable, "check");
        assertThat(passed.exitCode()).as(passed.toString()).isZero();
        assertThat(passed.out()).contains("  database: not reachable, not checked (", "127.0.0.1:" + closed,
                "migrations: 1 files, head ", "check passed");
        assertThat(passed.out() + passed.err()).doesNotContain("PENDING", "check failed");

        entity("Customer", CUSTOMER.replace("private String name;", "private String name; private String email;"));
        CliRun failed = CliRun.in(project, unreachable, "check");
        assertThat(failed.exitCode()).as("the models are still checked against the migrations\n" + failed).isEqualTo(1);
        assertThat(failed.out()).contains("  database: not reachable, not checked (", "MODELS CHANGED: 1 change is not in a migration",
                "  add customer.email");
        assertThat(failed.err()).contains("check failed: 1 problem");
    }
}
