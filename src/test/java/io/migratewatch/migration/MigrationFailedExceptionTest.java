package io.migratewatch.migration;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a failed migration tells the user, beyond PostgreSQL's own words. */
class MigrationFailedExceptionTest {

    private static final MigrationFile FILE = new MigrationFile(null, "3f4a5b6c7d8e", List.of(), "indexes", Instant.EPOCH, "auto",
            "CREATE INDEX \"a_idx\" ON \"a\" (\"x\");", "DROP INDEX \"a_idx\";", 9, 12);

    private static MigrationFailedException failure(SQLException cause) {
        return new MigrationFailedException(FILE, "up", new SqlStatement(FILE.up(), 9), cause.getMessage(), cause);
    }

    @Test
    void aFullLockTableSaysItIsSharedByTheWholeServer() {
        String message = failure(new SQLException("ERROR: out of shared memory", "53200")).getMessage();

        assertThat(message).contains("at line 9 (up)", "out of shared memory",
                "The server's lock table is shared by every session on it", "Run the command again when they are done",
                "The transaction was rolled back");
    }

    @Test
    void otherFailuresDoNotMentionTheLockTable() {
        String message = failure(new SQLException("ERROR: relation \"a\" does not exist", "42P01")).getMessage();

        assertThat(message).contains("relation \"a\" does not exist").doesNotContain("lock table");
    }
}
