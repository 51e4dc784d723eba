package io.migratewatch.source;

import io.migratewatch.schema.ColumnType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.migratewatch.source.Sources.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hibernate 5's @Type(type = "name") in javax.persistence entities (the fidelity set legacy compares them with Hibernate 7). */
class LegacyTypeNamesTest {

    @TempDir
    Path dir;

    @Test
    void knownNamesGiveTheirColumnsInAJavaxEntity() {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                import javax.persistence.*;
                import org.hibernate.annotations.Type;
                @Entity
                public class Page {
                    @Id private Long id;
                    @Type(type = "text") private String body;
                    @Type(type = "yes_no") private boolean visible;
                }
                """);
        ParsedModel m = s.model();
        assertThat(column(m, "page", "body").type()).isEqualTo(ColumnType.TEXT);
        assertThat(column(m, "page", "visible").type()).isEqualTo(ColumnType.of("char(1)"));
        assertThat(Sources.table(m, "page").checks()).anySatisfy(c -> assertThat(c.expression()).contains("'N'", "'Y'"));
    }

    @Test
    void anUnknownNameAsksForAColumnDefinition() {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                import javax.persistence.*;
                import org.hibernate.annotations.Type;
                @Entity
                public class Page {
                    @Id private Long id;
                    @Type(type = "com.acme.MoneyType") private java.math.BigDecimal price;
                }
                """);
        assertThatThrownBy(s::model).isInstanceOf(SourceException.class)
                .hasMessageContaining("Page.java:7:5: @Type(type = \"com.acme.MoneyType\") of field price of Page is not a type name"
                        + " migrate-watch knows (jsonb, numeric_boolean, pg-uuid, text, true_false, yes_no), so its column type is"
                        + " decided when the application runs: give the field @Column(columnDefinition = \"<sql type>\")");
    }
}
