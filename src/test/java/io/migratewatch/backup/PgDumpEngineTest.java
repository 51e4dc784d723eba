package io.migratewatch.backup;

import io.migratewatch.db.DatabaseUrl;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** pg_dump's command line and environment: the password goes into the environment only. */
class PgDumpEngineTest {

    private final PgDumpEngine engine = new PgDumpEngine(new PgDump(Path.of("/usr/bin/pg_dump"), 15, "pg_dump (PostgreSQL) 15.20"),
            DatabaseUrl.parse("postgres://shop:s3cret-pw@db.example:6543/shop?sslmode=require", "postgres", null), List.of("--no-owner"));

    @Test
    void thePasswordIsInTheEnvironmentNeverOnTheCommandLine() {
        List<String> command = engine.command("00000003-0000001B-1", "My\"Schema", List.of("citext"));

        assertThat(String.join(" ", command)).doesNotContain("s3cret");
        assertThat(engine.environment()).containsEntry("PGPASSWORD", "s3cret-pw");
        assertThat(command).contains("--schema=\"My\"\"Schema\"", "--snapshot=00000003-0000001B-1", "--extension=\"citext\"", "-b",
                "--no-owner", "--format=plain", "--no-password");
        assertThat(command.get(command.size() - 1))
                .isEqualTo("--dbname=host='db.example' port='6543' dbname='shop' user='shop' application_name='migrate-watch' sslmode='require'");
    }

    @Test
    void conninfoValuesAreQuoted() {
        PgDumpEngine odd = new PgDumpEngine(new PgDump(Path.of("pg_dump"), 13, "pg_dump 13"),
                DatabaseUrl.parse("postgres://o%27brien%5C@h:5432/shop", "postgres", null), List.of());
        assertThat(odd.conninfo()).contains("user='o\\'brien\\\\'");
        assertThat(odd.command(null, "public", List.of("citext"))).noneMatch(a -> a.startsWith("--extension"))
                .as("pg_dump before 14 has no --extension");
    }
}
