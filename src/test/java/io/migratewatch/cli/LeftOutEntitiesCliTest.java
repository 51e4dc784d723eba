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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A model that cannot be mapped in full never breaks the rest and is never hidden: generate, diff and
 * status say what is left out first, and never that the database matches the models while it is.
 */
class LeftOutEntitiesCliTest {

    private static TestDatabase db;

    @TempDir
    Path project;

    @BeforeAll
    static void database() {
        db = TestDatabase.create("leftout");
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
        entity("Customer", """
                @Entity
                public class Customer {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                    private String name;
                }
                """);
        entity("Product", """
                @Entity
                public class Product {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                    private String title;
                }
                """);
        entity("Ticket", """
                @Entity
                @SecondaryTable(name = "ticket_details")
                public class Ticket {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                }
                """);
    }

    private void entity(String name, String body) throws IOException {
        Path file = project.resolve("src/main/java/shop/" + name + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "package shop;\nimport jakarta.persistence.*;\n" + body);
    }

    private CliRun run(String... args) {
        return CliRun.in(project, db.jdbcUrl() + "?user=" + db.url().user(), args);
    }

    private static final String WARNING = "⚠ Ticket.java:4:1: @SecondaryTable is not supported yet: table ticket is left out"
            + " of migrations until it is";

    @Test
    void generateDiffAndStatusSayWhatIsLeftOutAndNeverThatTheDatabaseMatches() {
        CliRun generated = run("generate", "initial");
        assertThat(generated.exitCode()).as(generated.toString()).isZero();
        assertThat(generated.err()).as("the warning comes first, on its own").startsWith(WARNING);
        assertThat(generated.out()).contains("+ create table customer", "+ create table product")
                .doesNotContain("ticket")
                .contains("Not in this migration: 1 entity is not migrated (see the warnings above)");

        assertThat(run("upgrade").exitCode()).isZero();

        CliRun again = run("generate", "again");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.err()).startsWith(WARNING);
        assertThat(again.out()).isEqualTo("No changes for the 2 mapped entities; 1 entity is not migrated (see the warnings above)\n")
                .doesNotContain("matches");

        CliRun diff = run("diff");
        assertThat(diff.exitCode()).as(diff.toString()).isZero();
        assertThat(diff.err()).startsWith(WARNING);
        assertThat(diff.out()).isEqualTo("No changes for the 2 mapped entities; 1 entity is not migrated (see the warnings above)\n");

        CliRun status = run("status");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.err()).startsWith(WARNING);
        assertThat(status.out()).contains("Models:          ⚠ 1 entity not migrated (the 2 mapped entities match the database)")
                .doesNotContain("Match the database");

        CliRun json = run("status", "--json");
        assertThat(json.err()).isEmpty();
        assertThat(json.out()).contains("\"mappedEntities\":2", "\"entitiesNotMigrated\":[\"shop.Ticket\"]",
                "\"modelWarnings\":[\"Ticket.java:4:1: @SecondaryTable is not supported yet");
    }

    @Test
    void withChangesTheLeftOutEntitiesAreSaidToo() throws IOException {
        assertThat(run("generate", "initial").exitCode()).isZero();
        assertThat(run("upgrade").exitCode()).isZero();
        entity("Product", """
                @Entity
                public class Product {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                    private String title;
                    private Integer stock;
                }
                """);

        CliRun diff = run("diff");
        assertThat(diff.exitCode()).isEqualTo(1);
        assertThat(diff.out()).contains("-- not in these changes: 1 entity is not migrated (see the warnings above)");

        CliRun status = run("status");
        assertThat(status.out()).contains("Models:          ● 1 changes: run migrate-watch generate   ⚠ 1 entity not migrated");
    }

    @Test
    void anHbmXmlNextToTheSourcesIsSaidAndItsTableKept() throws IOException {
        db.execute("CREATE TABLE legacy_invoice (id bigint primary key)");
        Path hbm = project.resolve("src/main/resources/shop/Invoice.hbm.xml");
        Files.createDirectories(hbm.getParent());
        Files.writeString(hbm, """
                <hibernate-mapping package="shop">
                    <class name="Invoice" table="legacy_invoice"><id name="id"/></class>
                </hibernate-mapping>
                """);

        CliRun generated = run("generate", "initial");

        assertThat(generated.exitCode()).as(generated.toString()).isZero();
        assertThat(generated.err()).contains("⚠ Invoice.hbm.xml:1: Hibernate's legacy hbm.xml mappings are not read:"
                + " table legacy_invoice is left out of migrations (1 class mapped only in this file)");
        assertThat(generated.out()).doesNotContain("legacy_invoice")
                .contains("Not in this migration: 2 entities are not migrated and 1 mapping file is not read (see the warnings above)");
    }

    @Test
    void aClassDeclaredTwiceStopsGenerateNamingBothFiles() throws IOException {
        Files.writeString(project.resolve("watcher.conf"), """
                models.paths = ["src/main/java", "legacy/src"]
                migrations.dir = "migrations"
                """);
        Path copy = project.resolve("legacy/src/shop/Customer.java");
        Files.createDirectories(copy.getParent());
        Files.copy(project.resolve("src/main/java/shop/Customer.java"), copy);

        CliRun generated = run("generate", "initial");

        assertThat(generated.exitCode()).isEqualTo(2);
        assertThat(generated.err()).contains("Customer.java:4:14: shop.Customer is declared twice:"
                + " legacy/src/shop/Customer.java:4 and src/main/java/shop/Customer.java:4");
    }
}
