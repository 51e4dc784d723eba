package io.migratewatch.source;

import io.migratewatch.schema.ColumnType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.migratewatch.source.Sources.column;
import static org.assertj.core.api.Assertions.assertThat;

/** Annotations count by package: jakarta and javax, imported, wildcard-imported or fully qualified. */
class AnnotationPackagesTest {

    @TempDir
    Path dir;

    @Test
    void javaxPersistenceWorksLikeJakarta() {
        Sources s = new Sources(dir);
        s.write("""
                package legacy;
                import javax.persistence.Column;
                import javax.persistence.Entity;
                import javax.persistence.GeneratedValue;
                import javax.persistence.GenerationType;
                import javax.persistence.Id;
                import javax.persistence.Table;
                import javax.validation.constraints.NotNull;
                @Entity
                @Table(name = "legacy_items")
                public class Item {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                    @Column(length = 30) @NotNull private String name;
                }
                """);
        ParsedModel m = s.model();
        assertThat(column(m, "legacy_items", "name").type().sql()).isEqualTo("varchar(30)");
        assertThat(column(m, "legacy_items", "name").nullable()).isFalse();
    }

    @Test
    void fullyQualifiedAnnotationsNeedNoImport() {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                @jakarta.persistence.Entity
                public class Item {
                    @jakarta.persistence.Id private Long id;
                    @jakarta.persistence.Column(nullable = false) private String name;
                    @jakarta.persistence.Transient private String scratch;
                }
                """);
        ParsedModel m = s.model();
        assertThat(column(m, "item", "name").nullable()).isFalse();
        assertThat(m.schema().table("item").orElseThrow().column("scratch")).isEmpty();
    }

    @Test
    void notNullFromAnotherLibraryIsNotBeanValidation() {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                import jakarta.persistence.*;
                import org.jetbrains.annotations.NotNull;
                @Entity
                public class Item {
                    @Id private Long id;
                    @NotNull private String name;
                }
                """);
        assertThat(column(s.model(), "item", "name").nullable()).isTrue();
    }

    @Test
    void aClassThatIsNotAJpaEntityIsIgnored() {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                import com.example.Entity;
                @Entity
                public class NotJpa { private Long id; }
                """);
        s.write("""
                package app;
                public class Plain { private Object whatever; }
                """);
        assertThat(s.model().schema().tables()).isEmpty();
    }

    @Test
    void mixedWildcardImportsPickTheJpaTable() {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                import jakarta.persistence.*;
                import org.hibernate.annotations.*;
                @Entity
                @Table(name = "items")
                public class Item {
                    @Id private Long id;
                    @ColumnDefault("1") private Integer count;
                }
                """);
        ParsedModel m = s.model();
        assertThat(column(m, "items", "count").type()).isEqualTo(ColumnType.INTEGER);
        assertThat(column(m, "items", "count").defaultValue()).isEqualTo("1");
    }
}
