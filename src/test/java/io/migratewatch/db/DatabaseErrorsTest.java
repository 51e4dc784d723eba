package io.migratewatch.db;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Exit codes by SQLSTATE: only a connection that is lost or refused is "unreachable". */
class DatabaseErrorsTest {

    @Test
    void aLostConnectionIsUnreachable() {
        for (String state : new String[] {"08006", "08001", "57P01", "57P03"}) {
            MigrateWatchException e = DatabaseErrors.whileChanging("upgrading", new SQLException("gone", state));
            assertThat(e.exitCode()).as(state).isEqualTo(ExitCode.DATABASE_UNREACHABLE);
            assertThat(e.getMessage()).startsWith("lost the connection to the database while upgrading: gone (SQLSTATE " + state + ")");
        }
    }

    @Test
    void anErrorInTheSqlSaysWhatPostgresqlSaidUnderTheCodeOfTheWork() {
        SQLException tooLong = new SQLException("ERROR: value too long for type character varying(500)\n  Where: somewhere", "22001");

        MigrateWatchException changing = DatabaseErrors.whileChanging("upgrading", tooLong);
        assertThat(changing.exitCode()).isEqualTo(ExitCode.MIGRATION_FAILED);
        assertThat(changing.getMessage()).isEqualTo("database error while upgrading: ERROR: value too long for type character varying(500)"
                + " (SQLSTATE 22001). The database is as it was.");

        assertThat(DatabaseErrors.whileReading("reading the history", tooLong).exitCode()).isEqualTo(ExitCode.PROBLEMS_FOUND);
        assertThat(DatabaseErrors.whileBackingUp("taking a backup", tooLong).exitCode()).isEqualTo(ExitCode.BACKUP_FAILED);
    }
}
