package io.migratewatch.workflow;

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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The replayed schemas kept between runs never hide a change made by hand, and a changed migration set is replayed again. */
class ReplayCacheTest {

    private static final String CUSTOMER = "CREATE TABLE customer (id bigint NOT NULL, CONSTRAINT customer_pkey PRIMARY KEY (id));";

    private static TestDatabase db;
    @TempDir
    Path dir;
    private WorkflowFixture f;

    @BeforeAll
    static void database() {
        db = TestDatabase.create("replaycache");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @BeforeEach
    void project() throws Exception {
        f = new WorkflowFixture(db, dir);
    }

    @Test
    void aChangeMadeByHandShowsAsDriftWhileTheReplayIsKept() throws Exception {
        MigrationFiles.write(dir.resolve("migrations"), "aaaa00000001", null, "customer", 1, CUSTOMER, "DROP TABLE customer;");
        try (Project p = f.project()) {
            new Upgrade(p).run("head", false);
            assertThat(new Status(p).run().drift()).isEmpty();
        }
        Map<String, String> kept = kept();
        assertThat(kept).hasSize(1);

        f.sql("ALTER TABLE customer ADD COLUMN nickname text");

        try (Project p = f.project()) {
            Status.Dashboard d = new Status(p).run();
            assertThat(d.state()).isEqualTo(Status.State.DRIFT);
            assertThat(d.drift()).containsExactly("add customer.nickname");
            assertThat(new Drift(p).list().changes()).extracting(c -> c.describe()).containsExactly("add customer.nickname");
            assertThat(new Check(p).run(false).problems()).contains("  add customer.nickname");
        }
        // the same kept replay answered every time: none was added or rewritten
        assertThat(kept()).isEqualTo(kept);
    }

    @Test
    void aNewMigrationIsReplayedAgainAndStillMatches() throws Exception {
        Path migrations = dir.resolve("migrations");
        MigrationFiles.write(migrations, "aaaa00000001", null, "customer", 1, CUSTOMER, "DROP TABLE customer;");
        try (Project p = f.project()) {
            new Upgrade(p).run("head", false);
            assertThat(new Status(p).run().drift()).isEmpty();
        }
        MigrationFiles.write(migrations, "bbbb00000002", "aaaa00000001", "email", 2,
                "ALTER TABLE customer ADD COLUMN email text;", "ALTER TABLE customer DROP COLUMN email;");
        try (Project p = f.project()) {
            new Upgrade(p).run("head", false);
            Status.Dashboard d = new Status(p).run();
            // a kept replay of the first migration alone would call the new column drift
            assertThat(d.drift()).isEmpty();
            assertThat(d.driftNote()).isNull();
        }
        assertThat(kept()).hasSize(2);
    }

    @Test
    void anEditedMigrationTextIsReplayedAgain() throws Exception {
        f.entity("Customer", "@Entity public class Customer { @Id Long id; String name; }");
        Path migrations = dir.resolve("migrations");
        MigrationFiles.write(migrations, "aaaa00000001", null, "customer", 1, CUSTOMER, "DROP TABLE customer;");
        try (Project p = f.project()) {
            assertThat(new Check(p).run(false).problems()).contains("  add customer.name");
        }
        // same revision, other text: check (which replays files not yet applied) must see the column
        MigrationFiles.write(migrations, "aaaa00000001", null, "customer", 1,
                "CREATE TABLE customer (id bigint NOT NULL, name varchar(255), CONSTRAINT customer_pkey PRIMARY KEY (id));",
                "DROP TABLE customer;");
        try (Project p = f.project()) {
            assertThat(new Check(p).run(false).problems()).noneMatch(problem -> problem.contains("customer.name"));
        }
        assertThat(kept()).hasSize(2);
    }

    @Test
    void anUnreadableKeptFileIsReplayedAgain() throws Exception {
        MigrationFiles.write(dir.resolve("migrations"), "aaaa00000001", null, "customer", 1, CUSTOMER, "DROP TABLE customer;");
        try (Project p = f.project()) {
            new Upgrade(p).run("head", false);
            new Status(p).run();
        }
        Path file = keptFiles().get(0);
        Files.writeString(file, "not a schema");
        f.sql("ALTER TABLE customer ADD COLUMN nickname text");
        try (Project p = f.project()) {
            assertThat(new Status(p).run().drift()).containsExactly("add customer.nickname");
        }
        assertThat(Files.readAllBytes(file)).isNotEqualTo("not a schema".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private List<Path> keptFiles() throws IOException {
        Path folder = dir.resolve(ReplayCache.FOLDER);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    /** Each kept file's name, time and content: a rewritten file has another time. */
    private Map<String, String> kept() throws IOException {
        Map<String, String> kept = new TreeMap<>();
        for (Path p : keptFiles()) {
            kept.put(p.getFileName().toString(), Files.getLastModifiedTime(p) + " " + java.util.HexFormat.of().formatHex(Files.readAllBytes(p)));
        }
        return kept;
    }
}
