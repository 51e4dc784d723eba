package io.migratewatch.watch;

import io.migratewatch.config.Settings;
import io.migratewatch.config.SettingsLoader;
import io.migratewatch.notify.EventKind;
import io.migratewatch.notify.LogCapture;
import io.migratewatch.notify.Notification;
import io.migratewatch.support.MigrationFiles;
import io.migratewatch.support.RecordingNotifier;
import io.migratewatch.support.TestDatabase;
import io.migratewatch.workflow.BackupStep;
import io.migratewatch.workflow.Merge;
import io.migratewatch.workflow.Project;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daemon end to end, in-process and real: a temporary project folder watched by the real
 * directory watcher, a 300 ms quiet period, a real database, a recording notifier.
 */
class DaemonEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path project;

    private TestDatabase db;
    private Project mw;
    private Daemon daemon;
    private BackupStep backupStep = BackupStep.NOT_AVAILABLE;
    private Thread thread;
    private final RecordingNotifier notes = new RecordingNotifier();

    private static final String CUSTOMER = """
            package shop;
            import jakarta.persistence.*;
            @Entity
            public class Customer {
                @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                @Column(nullable = false) private String name;
            %s}
            """;

    @AfterEach
    void stopAll() {
        if (daemon != null) {
            daemon.stop(10_000);
        }
        if (mw != null) {
            mw.close();
        }
        if (db != null) {
            db.close();
        }
    }

    private void start(String databaseUrl, Map<String, String> env) throws Exception {
        start(databaseUrl, env, "300ms");
    }

    private void start(String databaseUrl, Map<String, String> env, String debounce) throws Exception {
        Files.createDirectories(project.resolve("src/main/java/shop"));
        Files.writeString(project.resolve("watcher.conf"), """
                models.paths = ["src/main/java"]
                watcher.debounce = %s
                notify.desktop = false
                notify.terminal = false
                """.formatted(debounce));
        Settings settings = SettingsLoader.load(null, project, env, databaseUrl);
        mw = new Project(settings, line -> { });
        daemon = new Daemon(mw, notes, backupStep);
        thread = new Thread(() -> {
            try {
                daemon.run();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, "daemon-under-test");
        thread.start();
        notes.await(0, n -> n.text().startsWith("Watching"), WAIT);
        Thread.sleep(200); // the watcher registers its folders as it starts
    }

    private void startOnTestDatabase(Map<String, String> env) throws Exception {
        db = TestDatabase.create("daemon");
        start(db.jdbcUrl() + "?user=" + db.url().user(), env);
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(project.resolve("src/main/java/shop/" + name), content);
    }

    private List<Path> migrations() throws IOException {
        Path dir = project.resolve("migrations");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
    }

    private void git(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", project.toString(), "-c", "user.name=test", "-c", "user.email=t@example.com"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    @Test
    void newEntityIsAppliedFurtherChangesFoldUntilCommittedThenANewMigrationStarts() throws Exception {
        startOnTestDatabase(Map.of());
        git("init", "-q");
        int before = notes.count();
        write("Customer.java", CUSTOMER.formatted(""));
        Notification applied = notes.await(before, EventKind.APPLIED, WAIT);
        assertThat(applied.text()).startsWith("✓ Migration applied: create table customer (").contains(" ms");
        assertThat(migrations()).hasSize(1);
        assertThat(db.queryLong("select count(*) from pg_tables where tablename = 'customer'")).isEqualTo(1);
        db.execute("insert into customer (name) values ('Ada')");

        before = notes.count();
        write("Customer.java", CUSTOMER.formatted("    private String email;\n"));
        Notification folded = notes.await(before, EventKind.APPLIED, WAIT);
        assertThat(folded.text()).contains("folded into");
        assertThat(migrations()).as("folded into the uncommitted migration").hasSize(1);
        String file = Files.readString(migrations().get(0));
        assertThat(file).contains("CREATE TABLE \"customer\"", "\"email\" varchar(255)").doesNotContain("ADD COLUMN");
        assertThat(db.queryLong("select count(*) from customer where name = 'Ada'")).as("data kept").isEqualTo(1);
        assertThat(db.queryLong("select count(*) from information_schema.columns where table_name = 'customer' and column_name = 'email'")).isEqualTo(1);
        assertThat(db.queryLong("select count(*) from migrate_watch_history")).isEqualTo(1);

        git("add", "migrations");
        git("commit", "-q", "-m", "first migration");
        Path first = migrations().get(0);
        before = notes.count();
        write("Customer.java", CUSTOMER.formatted("    private String email;\n    private Integer age;\n"));
        notes.await(before, EventKind.APPLIED, WAIT);
        assertThat(migrations()).as("a committed migration is never folded into").hasSize(2).contains(first);
        assertThat(Files.readString(first)).as("the committed file is untouched").isEqualTo(file);
        // both files may carry the same second in their names, so find the new one by exclusion
        Path second = migrations().stream().filter(p -> !p.equals(first)).findFirst().orElseThrow();
        assertThat(Files.readString(second)).contains("ADD COLUMN \"age\" integer");
        assertThat(db.queryLong("select count(*) from customer")).isEqualTo(1);
    }

    @Test
    void aPullThatBringsASecondHeadIsAConflictUntilMergedThenTheDaemonAppliesTheBranchAndTheMerge() throws Exception {
        startOnTestDatabase(Map.of());
        git("init", "-q");
        int before = notes.count();
        write("Customer.java", CUSTOMER.formatted(""));
        notes.await(before, EventKind.APPLIED, WAIT);
        git("add", "migrations");
        git("commit", "-q", "-m", "customer");
        String base = migrations().get(0).getFileName().toString().split("_")[2];

        before = notes.count();
        write("Customer.java", CUSTOMER.formatted("    private String email;\n"));
        notes.await(before, EventKind.APPLIED, WAIT);
        int ours = migrations().size();

        // the pull: a teammate's migration on the same parent, and their entity
        before = notes.count();
        MigrationFiles.write(project.resolve("migrations"), "abcdef000001", base, "supplier", 1,
                "CREATE TABLE \"supplier\" (\"id\" bigint NOT NULL, CONSTRAINT \"supplier_pkey\" PRIMARY KEY (\"id\"));",
                "DROP TABLE \"supplier\";");
        write("Supplier.java", "package shop;\nimport jakarta.persistence.*;\n@Entity public class Supplier { @Id private Long id; }\n");
        Notification conflict = notes.await(before, n -> n.text().contains("CONFLICT"), WAIT);
        assertThat(conflict.text()).startsWith("⚠ CONFLICT: heads ").contains("abcdef00 (").endsWith(" — run migrate-watch merge");
        Thread.sleep(1500);
        assertThat(notes.all().subList(before, notes.count())).as("said once, nothing applied or generated")
                .filteredOn(n -> n.kind() != EventKind.INFO).containsExactly(conflict);
        assertThat(migrations()).as("nothing folded or generated").hasSize(ours + 1);
        assertThat(db.queryLong("select count(*) from pg_tables where tablename = 'supplier'")).isZero();

        before = notes.count();
        new Merge(mw).run(null);
        notes.await(before, n -> n.kind() == EventKind.APPLIED && n.text().contains("merge heads"), WAIT);
        assertThat(db.queryLong("select count(*) from pg_tables where tablename = 'supplier'")).isEqualTo(1);
        assertThat(db.queryLong("select count(*) from migrate_watch_history")).isEqualTo(4);
    }

    @Test
    void twentySavesInsideTheQuietPeriodMakeOnePipelineRunAndAnUnchangedSaveNone() throws Exception {
        // a quiet period far longer than the 10 ms between saves, so that a slow machine cannot split them
        db = TestDatabase.create("daemon");
        start(db.jdbcUrl() + "?user=" + db.url().user(), Map.of(), "1500ms");
        write("Customer.java", CUSTOMER.formatted(""));
        notes.await(0, EventKind.APPLIED, WAIT);
        int runs = daemon.pipelineRuns();
        int before = notes.count();
        for (int i = 0; i < 20; i++) {
            write("Customer.java", CUSTOMER.formatted("    private String f" + i + ";\n"));
            Thread.sleep(10);
        }
        notes.await(before, EventKind.APPLIED, WAIT);
        Thread.sleep(700);
        assertThat(daemon.pipelineRuns()).isEqualTo(runs + 1);
        assertThat(db.queryLong("select count(*) from information_schema.columns where table_name = 'customer' and column_name = 'f19'")).isEqualTo(1);
        assertThat(db.queryLong("select count(*) from information_schema.columns where table_name = 'customer' and column_name = 'f0'")).isZero();

        int after = daemon.pipelineRuns();
        write("Customer.java", CUSTOMER.formatted("    private String f19;\n"));
        write("Customer.java~", "garbage");
        write(".Customer.java.swp", "garbage");
        write("4913", "");
        Thread.sleep(3000);
        assertThat(daemon.pipelineRuns()).as("same content and editor temporaries trigger nothing").isEqualTo(after);
    }

    @Test
    void anUnexpectedErrorIsOneLineOnScreenAndItsStackTraceGoesToTheLog() throws Exception {
        backupStep = (connection, revision) -> {
            throw new IllegalStateException("a bug in a backup engine");
        };
        try (LogCapture log = LogCapture.of("io.migratewatch.watch")) {
            startOnTestDatabase(Map.of());
            int before = notes.count();
            write("Customer.java", CUSTOMER.formatted(""));

            Notification failed = notes.await(before, EventKind.FAILED, WAIT);

            assertThat(failed.text()).isEqualTo("✗ Unexpected error: java.lang.IllegalStateException: a bug in a backup engine");
            assertThat(failed.detail()).startsWith("The stack trace is in ").endsWith("migrate-watch.log.");
            assertThat(log.events()).anySatisfy(e -> {
                assertThat(e.getFormattedMessage()).isEqualTo("unexpected error in the daemon");
                assertThat(e.getThrowableProxy().getMessage()).isEqualTo("a bug in a backup engine");
            });
        }
    }

    @Test
    void aSyntaxErrorWaitsOnceAndTheFixIsApplied() throws Exception {
        startOnTestDatabase(Map.of());
        int before = notes.count();
        write("Customer.java", CUSTOMER.formatted("    private String email\n"));
        Notification waiting = notes.await(before, EventKind.WAITING, WAIT);
        assertThat(waiting.text()).startsWith("⚠ Waiting for valid source: Customer.java:").containsPattern("Customer\\.java:\\d+:\\d+: ");
        write("Customer.java", CUSTOMER.formatted("    private String email\n\n"));
        Thread.sleep(1000);
        assertThat(notes.of(EventKind.WAITING)).as("said once").hasSize(1);
        assertThat(migrations()).isEmpty();

        write("Customer.java", CUSTOMER.formatted("    private String email;\n"));
        notes.await(before, EventKind.APPLIED, WAIT);
        assertThat(db.queryLong("select count(*) from information_schema.columns where table_name = 'customer' and column_name = 'email'")).isEqualTo(1);

        before = notes.count();
        write("Customer.java", "");
        notes.await(before, n -> n.kind() == EventKind.WAITING && n.text().contains("empty"), WAIT);
        assertThat(db.queryLong("select count(*) from pg_tables where tablename = 'customer'")).as("an emptied file is not a deletion").isEqualTo(1);
    }

    @Test
    void aDestructiveChangeWithDataIsHeldAndOnEmptyDataGoesThrough() throws Exception {
        startOnTestDatabase(Map.of());
        write("Customer.java", CUSTOMER.formatted("    private Integer age;\n    private String note;\n"));
        notes.await(0, EventKind.APPLIED, WAIT);
        db.execute("insert into customer (name, age) values ('a', 1), ('b', 2)");

        int before = notes.count();
        write("Customer.java", CUSTOMER.formatted("    private String note;\n"));
        Notification held = notes.await(before, EventKind.HELD, WAIT);
        assertThat(held.text()).isEqualTo("⚠ Change needs review: drops column customer.age (2 values)");
        assertThat(held.detail()).contains("--allow-destructive");
        assertThat(db.queryLong("select sum(age) from customer")).as("data intact").isEqualTo(3);

        before = notes.count();
        write("Customer.java", CUSTOMER.formatted("    private Integer age;\n"));
        notes.await(before, EventKind.APPLIED, WAIT);
        assertThat(db.queryLong("select count(*) from information_schema.columns where table_name = 'customer' and column_name = 'note'"))
                .as("an empty column is dropped without review").isZero();
    }

    @Test
    void autoGenerateOffOnlyReports() throws Exception {
        startOnTestDatabase(Map.of("AUTO_GENERATE", "false"));
        write("Customer.java", CUSTOMER.formatted(""));
        Notification n = notes.await(0, EventKind.MODELS_CHANGED, WAIT);
        assertThat(n.text()).isEqualTo("Models changed: 1 change not yet in a migration — run migrate-watch generate");
        assertThat(migrations()).isEmpty();
    }

    @Test
    void autoApplyOffWritesTheMigrationAndAppliesNothing() throws Exception {
        startOnTestDatabase(Map.of("AUTO_APPLY", "no"));
        write("Customer.java", CUSTOMER.formatted(""));
        Notification n = notes.await(0, EventKind.GENERATED, WAIT);
        assertThat(n.text()).startsWith("Migration generated: migrations/").endsWith(".sql — review it and run migrate-watch upgrade");
        assertThat(migrations()).hasSize(1);
        assertThat(db.queryLong("select count(*) from pg_tables where tablename = 'customer'")).isZero();

        int before = notes.count();
        write("Customer.java", CUSTOMER.formatted("    private String email;\n"));
        notes.await(before, EventKind.GENERATED, WAIT);
        assertThat(migrations()).as("the unapplied migration is rewritten, not joined by another").hasSize(1);
        assertThat(Files.readString(migrations().get(0))).contains("\"email\" varchar(255)");
    }

    @Test
    void aMigrationFilePulledFromATeammateIsApplied() throws Exception {
        startOnTestDatabase(Map.of());
        Files.createDirectories(project.resolve("migrations"));
        int before = notes.count();
        Files.writeString(project.resolve("migrations/20260101_000000_abcdefabcdef_teammate.sql"), """
                -- migrate-watch migration
                -- revision: abcdefabcdef
                -- parents: none
                -- description: teammate table
                -- created: 2026-01-01T00:00:00Z
                -- generated: manual

                -- +up
                CREATE TABLE "teammate" ("id" bigint PRIMARY KEY);

                -- +down
                DROP TABLE "teammate";
                """);
        Notification n = notes.await(before, EventKind.APPLIED, WAIT);
        assertThat(n.text()).startsWith("✓ Migration applied: teammate table (abcdefab)");
        assertThat(db.queryLong("select count(*) from pg_tables where tablename = 'teammate'")).isEqualTo(1);
    }

    @Test
    void theDatabaseGoingAwayAndComingBackIsRecoveredFrom() throws Exception {
        Path data = Files.createTempDirectory("mw-daemon-pg");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
        try {
            start("jdbc:postgresql://localhost:" + port + "/postgres?user=postgres", Map.of());
            write("Customer.java", CUSTOMER.formatted(""));
            notes.await(0, EventKind.APPLIED, WAIT);

            pg.close();
            int before = notes.count();
            write("Customer.java", CUSTOMER.formatted("    private String email;\n"));
            Notification down = notes.await(before, EventKind.UNREACHABLE, WAIT);
            assertThat(down.text()).isEqualTo("✗ Database unreachable (localhost:" + port + ") — retrying");

            pg = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
            notes.await(before, EventKind.RECOVERED, Duration.ofSeconds(60));
            notes.await(before, EventKind.APPLIED, Duration.ofSeconds(60));
            assertThat(notes.of(EventKind.UNREACHABLE)).as("said once").hasSize(1);
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", null);
                 Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select count(*) from information_schema.columns where table_name = 'customer' and column_name = 'email'")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
        } finally {
            daemon.stop(10_000);
            daemon = null;
            mw.close();
            mw = null;
            pg.close();
        }
    }

    @Test
    void withPollingOnAnEntitySavedIsAppliedLikeWithFileEvents() throws Exception {
        startOnTestDatabase(Map.of("WATCHER_POLL", "true", "WATCHER_POLL_INTERVAL", "200ms"));
        assertThat(notes.await(0, n -> n.text().startsWith("Polling"), WAIT).text())
                .isEqualTo("Polling src/main/java, migrations every 200 ms: watcher.poll = true");
        int before = notes.count();

        write("Customer.java", CUSTOMER.formatted(""));

        assertThat(notes.await(before, EventKind.APPLIED, WAIT).text()).startsWith("✓ Migration applied: create table customer (");
        assertThat(db.queryLong("select count(*) from pg_tables where tablename = 'customer'")).isEqualTo(1);
    }
}
