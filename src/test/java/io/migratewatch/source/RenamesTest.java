package io.migratewatch.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code // @renamed from=old_name} on fields and classes. */
class RenamesTest {

    @TempDir
    Path dir;

    private static final String SOURCE = """
            package app;
            import jakarta.persistence.*;
            // @renamed from=Client
            @Entity
            public class CustomerAccount {
                @Id private Long id;
                // @renamed from=fullName
                @Column(length = 100)
                private String displayName;
                @Column(name = "email_address") // @renamed from=email
                private String emailAddress;
                private String untouched;
                private String phone; // @renamed from=telephone
            }
            """;

    @Test
    void springNamingAppliesToTheOldNames() {
        Sources s = new Sources(dir);
        s.write(SOURCE);
        ParsedModel m = s.model(Sources.SPRING_7);
        assertThat(m.renames().tables()).isEqualTo(Map.of("customer_account", "client"));
        assertThat(m.renames().columns()).isEqualTo(Map.of("customer_account", Map.of(
                "display_name", "full_name", "email_address", "email", "phone", "telephone")));
        assertThat(m.renames().oldColumnName("customer_account", "untouched")).isNull();
    }

    @Test
    void hibernateNamingLowersTheOldNames() {
        Sources s = new Sources(dir);
        s.write(SOURCE);
        ParsedModel m = s.model(Sources.HIBERNATE_7);
        assertThat(m.renames().tables()).isEqualTo(Map.of("customeraccount", "client"));
        assertThat(m.renames().oldColumnName("customeraccount", "displayname")).isEqualTo("fullname");
    }

    @Test
    void commentBetweenAnnotationsAndTheClassCounts() {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                @Table(name = "members")
                /* @renamed from=users */
                public class Member {
                    @Id private Long id;
                    // a field comment inside the class is not a table rename
                    private String name;
                }
                """);
        ParsedModel m = s.model();
        assertThat(m.renames().tables()).isEqualTo(Map.of("members", "users"));
        assertThat(m.renames().columns()).isEmpty();
    }
}
