package io.migratewatch.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What cannot be resolved is an error with file:line:col and what to do — never a guess. */
class SourceErrorsTest {

    @TempDir
    Path dir;

    private String error(String... sources) {
        Sources s = new Sources(dir);
        for (String source : sources) {
            s.write(source);
        }
        SourceIndex index = s.scan();
        SourceException e = org.junit.jupiter.api.Assertions.assertThrows(SourceException.class, index::model);
        assertThat(e.problems()).isNotEmpty();
        return e.getMessage();
    }

    @Test
    void syntaxErrorHasJavaParsersPositionAndMessage() {
        String message = error("""
                package app;
                import jakarta.persistence.*;
                @Entity
                public class Broken {
                    @Id private Long id
                    private String name;
                }
                """);
        assertThat(message).isEqualTo("Broken.java:6:5: syntax error: Parse error. Found \"private\", expected \"(\"");
    }

    @Test
    void superclassOutsideTheWatchedFolders() {
        String message = error("""
                package app;
                import jakarta.persistence.*;
                import com.acme.persistence.BaseEntity;
                @Entity
                public class Thing extends BaseEntity<Long> {
                    private String name;
                }
                """);
        assertThat(message).isEqualTo("Thing.java:5:28: superclass BaseEntity of Thing is not in models.paths: "
                + "add its source folder to models.paths in watcher.conf");
    }

    @Test
    void enumOutsideTheWatchedFolders() {
        String message = error("""
                package app;
                import jakarta.persistence.*;
                import com.acme.types.Status;
                @Entity
                public class Thing {
                    @Id private Long id;
                    @Enumerated(EnumType.STRING)
                    private Status status;
                }
                """);
        assertThat(message).isEqualTo("Thing.java:8:13: type Status (com.acme.types.Status) of field status of Thing "
                + "is not in models.paths: add its source folder to models.paths in watcher.conf, "
                + "or give the field @Column(columnDefinition = \"<sql type>\")");
    }

    @Test
    void constantOutsideTheWatchedFolders() {
        String message = error("""
                package app;
                import jakarta.persistence.*;
                import com.acme.Limits;
                @Entity
                public class Thing {
                    @Id private Long id;
                    @Column(length = Limits.NAME) private String name;
                }
                """);
        assertThat(message).isEqualTo("Thing.java:7:22: constant Limits.NAME (in @Column(length)) cannot be read: "
                + "class com.acme.Limits is not in models.paths: add its source folder to models.paths in watcher.conf");
    }

    @Test
    void unknownConstantName() {
        String message = error("""
                package app;
                import jakarta.persistence.*;
                @Entity
                public class Thing {
                    @Id private Long id;
                    @Column(length = NAME_LENGTH) private String name;
                }
                """);
        assertThat(message).isEqualTo("Thing.java:6:22: cannot find constant NAME_LENGTH: "
                + "declare it in a class in models.paths, or write the value");
    }

    @Test
    void associationTargetOutsideTheWatchedFolders() {
        String message = error("""
                package app;
                import jakarta.persistence.*;
                import com.acme.accounts.Account;
                @Entity
                public class Thing {
                    @Id private Long id;
                    @ManyToOne private Account owner;
                }
                """);
        assertThat(message).isEqualTo("Thing.java:7:24: association target Account (com.acme.accounts.Account) of field "
                + "owner of Thing is not in models.paths: add its source folder to models.paths in watcher.conf");
    }

    @Test
    void fieldTypeThatCannotBeMapped() {
        String message = error("""
                package app;
                import jakarta.persistence.*;
                import java.util.Map;
                @Entity
                public class Thing {
                    @Id private Long id;
                    private Map<String, Object> attributes;
                }
                """);
        assertThat(message).isEqualTo("Thing.java:7:13: type Map<String, Object> of field attributes of Thing cannot be "
                + "mapped to a column: annotate the field with @JdbcTypeCode(SqlTypes.JSON) or @Transient, "
                + "or give the field @Column(columnDefinition = \"<sql type>\")");
    }

    @Test
    void unresolvedSimpleTypeName() {
        String message = error("""
                package app;
                import jakarta.persistence.*;
                @Entity
                public class Thing {
                    @Id private Long id;
                    private Money price;
                }
                """);
        assertThat(message).isEqualTo("Thing.java:6:13: type Money of field price of Thing is not in models.paths: add its "
                + "source folder to models.paths in watcher.conf, or give the field @Column(columnDefinition = \"<sql type>\")");
    }

    @Test
    void columnDefinitionMakesAnUnknownTypeMappable() {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                public class Thing {
                    @Id private Long id;
                    @Column(columnDefinition = "numeric(12,2)") private Money price;
                }
                """);
        assertThat(Sources.column(s.model(), "thing", "price").type().sql()).isEqualTo("numeric(12,2)");
    }

    @Test
    void entityFieldWithoutAnAssociationAnnotation() {
        String message = error("""
                package app;
                import jakarta.persistence.*;
                @Entity
                public class Thing {
                    @Id private Long id;
                    private Thing parent;
                }
                """);
        assertThat(message).isEqualTo("Thing.java:6:13: field parent of Thing refers to entity Thing: "
                + "annotate it with @ManyToOne or @OneToOne, or mark it @Transient");
    }

    @Test
    void unboundTypeVariable() {
        String message = error("""
                package app;
                import jakarta.persistence.*;
                @MappedSuperclass
                public abstract class Base<ID> {
                    @Id private ID id;
                }
                """, """
                package app;
                import jakarta.persistence.*;
                @Entity
                @SuppressWarnings("rawtypes")
                public class Thing extends Base { }
                """);
        assertThat(message).isEqualTo("Base.java:5:17: type variable ID of Base is not bound for field id of Base: "
                + "give it a type in the extends clause, e.g. extends Base<Long>");
    }

    @Test
    void entityWithoutId() {
        String message = error("""
                package app;
                import jakarta.persistence.*;
                @Entity
                public class Thing {
                    private String name;
                }
                """);
        assertThat(message).isEqualTo("Thing.java:4:14: entity Thing has no @Id field: every entity needs one");
    }

    @Test
    void twoEntitiesOnOneTableWithDifferentKeys() {
        String message = error("""
                package app;
                import jakarta.persistence.*;
                @Entity @Table(name = "things")
                public class Thing { @Id private Long id; }
                """, """
                package app;
                import jakarta.persistence.*;
                @Entity(name = "things")
                public class Other { @Id private Long code; }
                """);
        assertThat(message).isEqualTo("Thing.java:4:14: entities Other and Thing both map to table things, but their primary keys"
                + " differ (code and id): make them agree, or give one of them @Table(name = \"...\")");
    }

    @Test
    void allErrorsAreReportedTogetherInFileOrder() {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                public class Bravo { @Id private Long id; private Nope a; }
                """);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                public class Alpha { @Id private Long id; private Nope b; }
                """);
        SourceException e = org.junit.jupiter.api.Assertions.assertThrows(SourceException.class, () -> s.model());
        assertThat(e.problems()).extracting(p -> p.file().getFileName().toString()).containsExactly("Alpha.java", "Bravo.java");
        assertThat(e.getMessage().lines()).hasSize(2);
    }

    @Test
    void missingRootIsReported() {
        assertThatThrownBy(() -> SourceIndex.scan(List.of(dir.resolve("nowhere")), Sources.SPRING_7))
                .isInstanceOf(SourceException.class)
                .hasMessage("nowhere: this models.paths entry does not exist: fix models.paths in watcher.conf");
    }

    @Test
    void problemFormatUsesTheFileNameOnly() {
        SourceProblem p = new SourceProblem(Path.of("/a/b/Order.java"), 14, 5, "message");
        assertThat(p.format()).isEqualTo("Order.java:14:5: message");
        assertThat(new SourceProblem(Path.of("/a/b/Order.java"), 0, 0, "whole file").format())
                .isEqualTo("Order.java: whole file");
    }
}
