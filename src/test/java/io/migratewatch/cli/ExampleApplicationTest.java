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

/** The example application converges: its models, its committed migrations and the database agree. */
class ExampleApplicationTest {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath();
    private static TestDatabase db;

    @TempDir
    Path scratch;

    @BeforeAll
    static void database() {
        db = TestDatabase.create("example");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @BeforeEach
    void emptySchema() {
        db.execute("DROP SCHEMA public CASCADE", "CREATE SCHEMA public");
    }

    private CliRun run(Path config, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--config";
        all[1] = config.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.in(REPOSITORY, db.jdbcUrl() + "?user=" + db.url().user(), all);
    }

    @Test
    void generateUpgradeGenerateYieldsNoChangesAndBaseIsEmpty() throws IOException {
        Path config = scratch.resolve("watcher.conf");
        Files.writeString(config, "models.paths = [\"" + REPOSITORY.resolve("examples/src/main/java") + "\"]\n"
                + "migrations.dir = \"" + scratch.resolve("migrations") + "\"\n");

        CliRun generated = run(config, "generate", "initial schema");
        assertThat(generated.exitCode()).as(generated.toString()).isZero();
        assertThat(generated.err()).as("the example uses only supported mappings").doesNotContain("⚠");
        CliRun up = run(config, "upgrade");
        assertThat(up.exitCode()).as(up.toString()).isZero();
        assertThat(db.queryLong("select count(*) from pg_tables where schemaname = 'public'")).isGreaterThanOrEqualTo(9);

        CliRun again = run(config, "generate", "again");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("No changes detected");

        CliRun base = run(config, "downgrade", "--to", "base");
        assertThat(base.exitCode()).as(base.toString()).isZero();
        assertThat(db.queryLong("select count(*) from pg_tables where schemaname = 'public' and tablename <> 'migrate_watch_history'")).isZero();
        assertThat(db.queryLong("select count(*) from pg_sequences where schemaname = 'public' and sequencename not like 'migrate_watch_history%'")).isZero();
    }

    @Test
    void theCommittedMigrationsMatchTheExampleModels() {
        Path config = REPOSITORY.resolve("watcher.conf");
        CliRun up = run(config, "upgrade");
        assertThat(up.exitCode()).as(up.toString()).isZero();
        CliRun diff = run(config, "diff");
        assertThat(diff.exitCode()).as("models and committed migrations agree: " + diff).isZero();
        CliRun status = run(config, "status");
        assertThat(status.out()).contains("● UP TO DATE");
    }
}
