package io.migratewatch.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.migratewatch.source.Sources.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two entities on one table: one table with the columns of both, as Hibernate makes it. */
class SharedTableTest {

    @TempDir
    Path dir;

    @Test
    void twoEntitiesOnOneTableMakeOneTableWithTheColumnsOfBoth() {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity @Table(name = "contact")
                public class Contact { @Id private Long id; @Column(nullable = false, length = 100) private String name; }
                """);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity @Table(name = "contact")
                public class ContactSummary { @Id private Long id; @Column(length = 100) private String name; private Integer score; }
                """);
        ParsedModel m = s.model();

        assertThat(table(m, "contact").columnsByName().keySet()).containsExactlyInAnyOrder("id", "name", "score");
        assertThat(table(m, "contact").columnsByName().get("name").nullable()).as("the first entity's column").isFalse();
    }

    @Test
    void columnsOfOneNameMustAgreeOnTheirType() {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity @Table(name = "contact")
                public class Contact { @Id private Long id; private String code; }
                """);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity @Table(name = "contact")
                public class ContactSummary { @Id private Long id; private Integer code; }
                """);

        assertThatThrownBy(s::model).isInstanceOf(SourceException.class).hasMessageContaining(
                "ContactSummary.java:4:14: entities Contact and ContactSummary both map to table contact, but column code is "
                        + "varchar(255) in one and integer in the other");
    }
}
