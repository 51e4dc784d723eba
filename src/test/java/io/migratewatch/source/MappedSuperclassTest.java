package io.migratewatch.source;

import io.migratewatch.schema.ColumnType;
import io.migratewatch.schema.Identity;
import io.migratewatch.schema.Sequence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.migratewatch.source.Sources.column;
import static io.migratewatch.source.Sources.table;
import static org.assertj.core.api.Assertions.assertThat;

/** @MappedSuperclass chains across files, with generic type arguments carried down. */
class MappedSuperclassTest {

    @TempDir
    Path dir;

    private Sources base() {
        Sources s = new Sources(dir);
        s.write("""
                package app.base;
                import jakarta.persistence.*;
                import java.time.Instant;
                import org.hibernate.annotations.CreationTimestamp;
                @MappedSuperclass
                public abstract class Auditable {
                    @CreationTimestamp @Column(updatable = false) private Instant createdAt;
                    private Instant updatedAt;
                }
                """);
        s.write("""
                package app.base;
                import jakarta.persistence.*;
                import java.io.Serializable;
                @MappedSuperclass
                public abstract class BaseEntity<ID extends Serializable> extends Auditable {
                    @Id @GeneratedValue private ID id;
                    @Version private Long version;
                }
                """);
        return s;
    }

    @Test
    void genericIdTypeComesFromTheExtendsClauseInAnotherFile() {
        Sources s = base();
        s.write("""
                package app;
                import app.base.BaseEntity;
                import jakarta.persistence.*;
                @Entity
                public class Product extends BaseEntity<Long> {
                    private String name;
                }
                """);
        s.write("""
                package app;
                import app.base.BaseEntity;
                import jakarta.persistence.*;
                import java.util.UUID;
                @Entity
                public class Token extends BaseEntity<UUID> {
                }
                """);
        ParsedModel m = s.model();
        assertThat(table(m, "product").columnsByName().keySet())
                .containsExactly("created_at", "updated_at", "id", "version", "name");
        assertThat(column(m, "product", "id").type()).isEqualTo(ColumnType.BIGINT);
        assertThat(column(m, "product", "created_at").nullable()).isFalse();
        assertThat(column(m, "product", "version").nullable()).isFalse();
        assertThat(table(m, "product").primaryKey().columns()).containsExactly("id");
        assertThat(column(m, "token", "id").type()).isEqualTo(ColumnType.UUID);
        // each entity gets its own implicit sequence: Hibernate 7 picks the generator by the declared type, the type
        // variable ID, so the id bound to UUID gets one too (the keys set of the fidelity test shows it); 6.6 sees the UUID
        assertThat(m.schema().sequences().values()).containsExactlyInAnyOrder(new Sequence("product_seq", 1, 50),
                new Sequence("token_seq", 1, 50));
        assertThat(s.model(new MappingOptions(Naming.SPRING, 6)).schema().sequences().values())
                .containsExactly(new Sequence("product_seq", 1, 50));
    }

    @Test
    void typeVariablesPassThroughAnIntermediateGenericSuperclass() {
        Sources s = base();
        s.write("""
                package app.base;
                import jakarta.persistence.*;
                @MappedSuperclass
                public abstract class Named<K extends java.io.Serializable> extends BaseEntity<K> {
                    @Column(nullable = false) private String name;
                }
                """);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                public class Category extends app.base.Named<Integer> {
                }
                """);
        ParsedModel m = s.model();
        assertThat(column(m, "category", "id").type()).isEqualTo(ColumnType.INTEGER);
        assertThat(column(m, "category", "name").nullable()).isFalse();
    }

    @Test
    void plainSuperclassFieldsAreNotPersistentButItsMappedSuperclassIs() {
        Sources s = base();
        s.write("""
                package app;
                public abstract class Helper extends app.base.BaseEntity<Long> {
                    private String notPersistent;
                }
                """);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                public class Widget extends Helper {
                    @GeneratedValue(strategy = GenerationType.IDENTITY) private Long ignoredBecauseNotId;
                }
                """);
        ParsedModel m = s.model();
        assertThat(table(m, "widget").columnsByName().keySet())
                .containsExactly("created_at", "updated_at", "id", "version", "ignored_because_not_id");
    }

    @Test
    void identityIdInTheSuperclass() {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @MappedSuperclass
                public abstract class Base {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) protected Long id;
                }
                """);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                public class Thing extends Base { }
                """);
        ParsedModel m = s.model();
        assertThat(column(m, "thing", "id").identity()).isEqualTo(Identity.BY_DEFAULT);
        assertThat(m.schema().sequences()).isEmpty();
    }
}
