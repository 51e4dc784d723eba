package io.migratewatch.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migratewatch.ExitCode;
import io.migratewatch.config.ConfigurationException;
import io.migratewatch.config.Settings;
import io.migratewatch.support.TestDatabase;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DatabaseTest {

    private static TestDatabase db;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("db");
    }

    @AfterAll
    static void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void connectsToARealServer() throws Exception {
        try (Database database = new Database(db.url()); Connection c = database.connect();
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_database(), current_setting('application_name')")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(db.url().database());
            assertThat(rs.getString(2)).isEqualTo("migrate-watch");
        }
    }

    @Test
    void anUnreachableServerIsExitCodeThreeNamingHostAndPortButNeverThePassword() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://app:TopSecret1@127.0.0.1:1/shop", null, null);
        long start = System.nanoTime();

        assertThatThrownBy(() -> new Database(url).connect())
                .isInstanceOf(DatabaseUnreachableException.class)
                .hasMessageContaining("127.0.0.1:1")
                .hasMessageContaining("shop")
                .hasMessageContaining("Check that the server is running")
                .hasMessageNotContaining("TopSecret1")
                .satisfies(e -> assertThat(((DatabaseUnreachableException) e).exitCode()).isEqualTo(ExitCode.DATABASE_UNREACHABLE));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void aMissingDatabaseOnARunningServerIsNamed() {
        DatabaseUrl url = db.url().withDatabase("mw_no_such_database");

        assertThatThrownBy(() -> new Database(url).connect())
                .isInstanceOf(DatabaseUnreachableException.class)
                .hasMessageContaining(url.hostAndPort())
                .hasMessageContaining("mw_no_such_database")
                .hasMessageContaining("does not exist");
    }

    @Test
    void databasesOpensTheConfiguredUrlWithTheConfiguredCredentialsAsDefaults() throws Exception {
        Settings.Database settings = new Settings.Database(db.jdbcUrl(), db.url().user(), "", "public", Duration.ofSeconds(5),
                Path.of("unused"), 54329);

        try (Database database = Databases.open(settings, line -> { }); Connection c = database.connect()) {
            assertThat(database).isNotInstanceOf(EmbeddedDatabase.class);
            assertThat(database.url().password()).as("an empty password is no password").isNull();
            assertThat(database.url().user()).isEqualTo(db.url().user());
            assertThat(c.isValid(5)).isTrue();
        }
    }

    @Test
    void databasesRejectsABadUrlAsConfigurationWithoutThePassword() {
        Settings.Database settings = new Settings.Database("mysql://root:TopSecret1@host/db", "postgres", "", "public",
                Duration.ofSeconds(5), Path.of("unused"), 54329);

        assertThatThrownBy(() -> Databases.open(settings, line -> { }))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("database.url: ")
                .hasMessageNotContaining("TopSecret1")
                .satisfies(e -> assertThat(((ConfigurationException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT));
    }
}
