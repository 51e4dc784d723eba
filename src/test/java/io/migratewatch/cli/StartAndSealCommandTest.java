package io.migratewatch.cli;

import io.migratewatch.support.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The daemon's switches and the seal command, through the real command line (no database needed). */
class StartAndSealCommandTest {

    @TempDir
    Path project;

    private static final String MIGRATION = """
            -- migrate-watch migration
            -- revision: aaaaaaaaaaaa
            -- parents: none
            -- description: add things
            -- created: 2026-01-01T00:00:00Z
            -- generated: %s

            -- +up
            CREATE TABLE "t" ("id" integer);

            -- +down
            DROP TABLE "t";
            """;

    @Test
    void migrationWatcherFalseMakesStartSayDisabledAndExitZero() {
        CliRun run = CliRun.in(project, Map.of("MIGRATION_WATCHER", "false"), null, "start");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("The watcher is disabled");
    }

    @Test
    void aSwitchThatIsNotABooleanIsAConfigurationErrorNamingTheVariable() {
        CliRun run = CliRun.in(project, Map.of("AUTO_APPLY", "sometimes"), null, "start");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("AUTO_APPLY=sometimes", "true or false");
    }

    @Test
    void sealFinishesTheOpenDaemonMigration() throws IOException {
        Path dir = Files.createDirectories(project.resolve("migrations"));
        Path file = dir.resolve("20260101_000000_aaaaaaaaaaaa_add_things.sql");
        Files.writeString(file, MIGRATION.formatted("daemon"));
        String before = Files.readString(file);

        CliRun sealed = CliRun.in(project, Map.of(), null, "seal", "customer things");
        assertThat(sealed.exitCode()).as(sealed.toString()).isZero();
        Path renamed = dir.resolve("20260101_000000_aaaaaaaaaaaa_customer_things.sql");
        assertThat(file).as("the file name follows the new description").doesNotExist();
        String after = Files.readString(renamed);
        assertThat(after).contains("-- sealed: ", "-- description: customer things");
        assertThat(after.substring(after.indexOf("-- +up"))).isEqualTo(before.substring(before.indexOf("-- +up")));

        CliRun again = CliRun.in(project, Map.of(), null, "seal");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("already sealed");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"manual", "auto"})
    void aMigrationTheDaemonDidNotWriteHasNothingToSeal(String generated) throws IOException {
        Path dir = Files.createDirectories(project.resolve("migrations"));
        Files.writeString(dir.resolve("20260101_000000_aaaaaaaaaaaa_add_things.sql"), MIGRATION.formatted(generated));
        CliRun run = CliRun.in(project, Map.of(), null, "seal");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("not written by the daemon");
    }
}
