package io.migratewatch.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static io.migratewatch.source.Sources.table;
import static org.assertj.core.api.Assertions.assertThat;

/** Table and column names under both naming strategies, and quoting. */
class NamingTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "firstName, first_name",
            "FirstName, first_name",
            "first_name, first_name",
            "URL, url",
            "orderID, orderid",
            "address2Line, address2_line",
            "line2Address, line2_address",
            "HTMLParser, htmlparser",
            "a.b, a_b",
            "X, x",
    })
    void springSnakeCase(String logical, String physical) {
        assertThat(NamingStrategy.snakeCase(logical)).isEqualTo(physical);
    }

    private static final String CUSTOMER = """
            package app;
            import jakarta.persistence.*;
            @Entity
            public class CustomerAccount {
                @Id private Long id;
                private String firstName;
                @Column(name = "LastName") private String lastName;
                @Column(name = "`MixedCase`") private String quotedBackticks;
                @Column(name = "\\"Exact Name\\"") private String quotedDouble;
                @ManyToOne private CustomerAccount referredBy;
            }
            """;

    @Test
    void springNamingIsSnakeCaseLowered() {
        Sources s = new Sources(dir);
        s.write(CUSTOMER);
        ParsedModel m = s.model(Sources.SPRING_7);
        assertThat(m.schema().tables()).containsOnlyKeys("customer_account");
        assertThat(table(m, "customer_account").columnsByName().keySet())
                .containsExactly("id", "first_name", "last_name", "MixedCase", "Exact Name", "referred_by_id");
    }

    @Test
    void hibernateNamingKeepsNamesAsWrittenAndPostgresFoldsThem() {
        Sources s = new Sources(dir);
        s.write(CUSTOMER);
        ParsedModel m = s.model(Sources.HIBERNATE_7);
        assertThat(m.schema().tables()).containsOnlyKeys("customeraccount");
        assertThat(table(m, "customeraccount").columnsByName().keySet())
                .containsExactly("id", "firstname", "lastname", "MixedCase", "Exact Name", "referredby_id");
    }

    @Test
    void entityNameAndTableNameAndQuotedTable() {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity(name = "Member")
                public class User { @Id private Long id; }
                """);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                @Table(name = "\\"Order\\"")
                public class Order { @Id private Long id; }
                """);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                @Table(name = "user_groups")
                public class UserGroup { @Id private Long id; }
                """);
        ParsedModel m = s.model();
        assertThat(m.schema().tables()).containsOnlyKeys("member", "Order", "user_groups");
    }

    @Test
    void keywordNamesAreFineBecauseEverythingEmittedIsQuoted() {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                public class User {
                    @Id private Long id;
                    private Integer order;
                    private String select;
                }
                """);
        ParsedModel m = s.model();
        assertThat(table(m, "user").columnsByName().keySet()).containsExactly("id", "order", "select");
    }
}
