package io.migratewatch.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void plainJdbcUrl() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://h:1/db", "postgres", null);

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h:1/db");
        assertThat(url.host()).isEqualTo("h");
        assertThat(url.port()).isEqualTo(1);
        assertThat(url.database()).isEqualTo("db");
        assertThat(url.user()).isEqualTo("postgres");
        assertThat(url.password()).isNull();
        assertThat(url.hostAndPort()).isEqualTo("h:1");
    }

    @Test
    void jdbcUrlCredentialsAreTakenOutOfTheUrl() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://db.example:6543/shop?user=shop&password=s3cr%40t&sslmode=require",
                "postgres", null);

        assertThat(url.user()).isEqualTo("shop");
        assertThat(url.password()).isEqualTo("s3cr@t");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/shop?sslmode=require").doesNotContain("s3cr");
        assertThat(url.host()).isEqualTo("db.example");
        assertThat(url.port()).isEqualTo(6543);
        assertThat(url.database()).isEqualTo("shop");
    }

    @Test
    void jdbcUrlWithOnlyCredentialsLosesTheQueryEntirely() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://h:5432/db?password=pw&user=u", null, null);

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db");
        assertThat(url.user()).isEqualTo("u");
        assertThat(url.password()).isEqualTo("pw");
    }

    @Test
    void herokuStyleUrlIsDecoded() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://user:p%40ss@host:5433/db", "postgres", null);

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://host:5433/db");
        assertThat(url.user()).isEqualTo("user");
        assertThat(url.password()).isEqualTo("p@ss");
        assertThat(url.host()).isEqualTo("host");
        assertThat(url.port()).isEqualTo(5433);
        assertThat(url.database()).isEqualTo("db");
    }

    @Test
    void aPlusSignInThePasswordIsAPlusSign() {
        // user info is percent-encoded, not form-encoded: '+' is not a space (libpq reads it as '+')
        DatabaseUrl url = DatabaseUrl.parse("postgres://app:a+b@host/db", null, null);

        assertThat(url.password()).isEqualTo("a+b");
    }

    @Test
    void postgresqlSchemeIsAcceptedToo() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:pw@db:5432/shop?sslmode=require", null, null);

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/shop?sslmode=require");
        assertThat(url.user()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("pw");
    }

    @Test
    void credentialsInTheQueryOfAPostgresUrlAreTakenOutToo() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://db:5432/shop?user=app&password=s3cret&sslmode=require", null, null);

        assertThat(url.user()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("s3cret");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/shop?sslmode=require");
        assertThat(url.toString()).doesNotContain("s3cret");
    }

    @Test
    void missingPortAndDatabaseDefault() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://user:pw@host", "x", null);

        assertThat(url.port()).isEqualTo(5432);
        assertThat(url.database()).isEqualTo("postgres");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://host:5432/postgres");
        assertThat(DatabaseUrl.parse("jdbc:postgresql://host/app", null, null).port()).isEqualTo(5432);
        assertThat(DatabaseUrl.parse("jdbc:postgresql://host/app", null, null).jdbcUrl()).isEqualTo("jdbc:postgresql://host:5432/app");
        assertThat(DatabaseUrl.parse("postgresql:///app", null, null).host()).isEqualTo("localhost");
    }

    @Test
    void shortJdbcFormMeansLocalhost() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql:app", "u", "pw");

        assertThat(url.host()).isEqualTo("localhost");
        assertThat(url.port()).isEqualTo(5432);
        assertThat(url.database()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("pw");
    }

    @Test
    void defaultsApplyWhenTheUrlHasNoCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://host/db", "fallback_user", "fallback_pw");

        assertThat(url.user()).isEqualTo("fallback_user");
        assertThat(url.password()).isEqualTo("fallback_pw");
        assertThat(DatabaseUrl.parse("postgres://only_user@host/db", "x", "fallback_pw").password()).isEqualTo("fallback_pw");
    }

    @Test
    void hostNamesWithUnderscoresAreKept() {
        // docker-compose service names often have underscores, which java.net.URI does not accept as a host
        DatabaseUrl url = DatabaseUrl.parse("postgres://app:pw@my_db:5432/shop", null, null);

        assertThat(url.host()).isEqualTo("my_db");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://my_db:5432/shop");
        assertThat(url.password()).isEqualTo("pw");
    }

    @Test
    void anUnencodedAtSignInThePasswordBelongsToThePassword() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://user:Top@Secret1@host:5433/db", null, null);

        assertThat(url.host()).isEqualTo("host");
        assertThat(url.port()).isEqualTo(5433);
        assertThat(url.user()).isEqualTo("user");
        assertThat(url.password()).isEqualTo("Top@Secret1");
        assertThat(url.toString()).doesNotContain("Secret1");
    }

    @Test
    void leadingAndTrailingSpacesAreIgnored() {
        assertThat(DatabaseUrl.parse("  jdbc:postgresql://h:1/db \n", null, null).jdbcUrl()).isEqualTo("jdbc:postgresql://h:1/db");
    }

    @Test
    void notAPostgresUrlIsRejectedWithoutThePassword() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://root:TopSecret1@host/db", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a PostgreSQL URL")
                .hasMessageContaining("mysql://root:***@host/db")
                .hasMessageNotContaining("TopSecret1");
        assertThatThrownBy(() -> DatabaseUrl.parse("jdbc:mysql://host/db?user=root&password=TopSecret1", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("TopSecret1");
    }

    @Test
    void malformedUrlsAreRejectedWithoutThePassword() {
        for (String bad : List.of(
                "postgres://user:TopSecret1@host:notaport/db",
                "postgres://user:TopSecret1@ho st/db",
                "postgres://user:Top Secret1@host/db",
                "postgres://user:TopSecret1%zz@host/db",
                "jdbc:postgresql://host:5432/db?user=u&password=TopSecret1&x=%zz",
                "postgres://user:TopSecret1@host:99999/db",
                "postgres://user:TopSecret1@:5432/db")) {
            assertThatThrownBy(() -> DatabaseUrl.parse(bad, null, null))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageNotContaining("TopSecret1")
                    .hasMessageNotContaining("Secret1");
        }
    }

    @Test
    void redactHidesPasswordsInEitherForm() {
        assertThat(DatabaseUrl.redact("postgres://user:TopSecret1@host:5432/db")).isEqualTo("postgres://user:***@host:5432/db");
        assertThat(DatabaseUrl.redact("jdbc:postgresql://host/db?user=u&password=TopSecret1&ssl=true"))
                .isEqualTo("jdbc:postgresql://host/db?user=u&password=***&ssl=true");
        assertThat(DatabaseUrl.redact("jdbc:postgresql://host/db?PASSWORD=TopSecret1")).doesNotContain("TopSecret1");
        assertThat(DatabaseUrl.redact("postgres://user:Top@Secret1@host/db")).doesNotContain("Secret1");
        assertThat(DatabaseUrl.redact("jdbc:postgresql://host:5432/db")).isEqualTo("jdbc:postgresql://host:5432/db");
    }

    @Test
    void toStringAndRedactedNeverShowThePassword() {
        for (String text : List.of(
                "postgres://app:TopSecret1@host:5433/db",
                "jdbc:postgresql://host/db?user=app&password=TopSecret1",
                "postgresql://host/db?password=TopSecret1&user=app")) {
            DatabaseUrl url = DatabaseUrl.parse(text, null, null);

            assertThat(url.password()).as(text).isEqualTo("TopSecret1");
            assertThat(url.toString()).as(text).doesNotContain("TopSecret1").contains("host").contains("app");
            assertThat(url.redacted()).as(text).doesNotContain("TopSecret1");
        }
        DatabaseUrl withDefault = DatabaseUrl.parse("jdbc:postgresql://host/db", "app", "TopSecret1");
        assertThat(withDefault.toString()).doesNotContain("TopSecret1");
    }

    @Test
    void withDatabaseSwitchesOnlyTheDatabase() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://h:1/db?sslmode=require", "u", "pw");

        DatabaseUrl other = url.withDatabase("other");

        assertThat(other.jdbcUrl()).isEqualTo("jdbc:postgresql://h:1/other?sslmode=require");
        assertThat(other.database()).isEqualTo("other");
        assertThat(other.user()).isEqualTo("u");
        assertThat(other.password()).isEqualTo("pw");
    }

    @Property(tries = 300)
    void anyPasswordSurvivesEncodingAndNeverShows(@ForAll("passwords") String password) {
        String encoded = java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");

        DatabaseUrl url = DatabaseUrl.parse("postgres://app:" + encoded + "@db.internal:5432/shop", null, null);

        assertThat(url.password()).isEqualTo(password);
        assertThat(url.host()).isEqualTo("db.internal");
        assertThat(url.toString()).doesNotContain(password).doesNotContain(encoded);
        assertThat(url.jdbcUrl()).doesNotContain(encoded);
    }

    @Provide
    Arbitrary<String> passwords() {
        return Arbitraries.strings().withCharRange('!', '~').withChars(' ', 'é', '€').ofMinLength(6).ofMaxLength(24)
                .filter(p -> !"jdbc:postgresql://db.internal:5432/shop (user app)".contains(p));
    }
}
