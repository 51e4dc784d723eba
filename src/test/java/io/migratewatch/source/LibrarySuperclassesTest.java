package io.migratewatch.source;

import io.migratewatch.schema.ColumnType;
import io.migratewatch.schema.ForeignKey;
import io.migratewatch.schema.Sequence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.migratewatch.source.Sources.column;
import static io.migratewatch.source.Sources.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Entities extending base classes of Spring Data JPA, Quarkus Panache and Hibernate Envers, whose sources are not watched. */
class LibrarySuperclassesTest {

    @TempDir
    Path dir;

    @Test
    void abstractPersistableBindsItsIdTypeAndGetsTheEntitysSequence() {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                import jakarta.persistence.*;
                import org.springframework.data.jpa.domain.AbstractPersistable;
                @Entity
                public class Product extends AbstractPersistable<Long> {
                    private String name;
                }
                """);
        ParsedModel m = s.model();
        assertThat(table(m, "product").columnsByName().keySet()).containsExactlyInAnyOrder("id", "name");
        assertThat(column(m, "product", "id").type()).isEqualTo(ColumnType.BIGINT);
        assertThat(column(m, "product", "id").nullable()).isFalse();
        assertThat(table(m, "product").primaryKey().columns()).containsExactly("id");
        assertThat(m.schema().sequences().values()).containsExactly(new Sequence("product_seq", 1, 50));
        // the library class is no entity of the user's
        assertThat(m.schema().tables()).containsOnlyKeys("product");
        assertThat(m.mappedEntities()).isEqualTo(1);
        assertThat(m.warnings()).isEmpty();
    }

    @Test
    void abstractAuditableAddsTheAuditorsAsForeignKeysAndTheDatesAsInstants() {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                import jakarta.persistence.*;
                import org.springframework.data.jpa.domain.*;
                @Entity
                @Table(name = "app_user")
                public class User extends AbstractPersistable<Long> {
                    private String login;
                }
                """);
        s.write("""
                package app;
                import jakarta.persistence.*;
                import org.springframework.data.jpa.domain.AbstractAuditable;
                @Entity
                public class Invoice extends AbstractAuditable<User, Long> {
                    private String number;
                }
                """);
        ParsedModel m = s.model();
        assertThat(table(m, "invoice").columnsByName().keySet()).containsExactlyInAnyOrder("id", "created_by_id",
                "created_date", "last_modified_by_id", "last_modified_date", "number");
        assertThat(column(m, "invoice", "created_by_id").type()).isEqualTo(ColumnType.BIGINT);
        assertThat(column(m, "invoice", "created_date").type()).isEqualTo(column(m, "invoice", "last_modified_date").type());
        assertThat(column(m, "invoice", "created_date").type().toString()).contains("with time zone");
        assertThat(table(m, "invoice").foreignKeys()).extracting(ForeignKey::referencedTable)
                .containsExactly("app_user", "app_user");
        assertThat(m.schema().sequences()).containsOnlyKeys("app_user_seq", "invoice_seq");
    }

    /** Spring Data JPA 3, the line for Hibernate 6, declares the dates as @Temporal(TIMESTAMP) java.util.Date. */
    @Test
    void abstractAuditableOfTheHibernate6LineHasDatesWithoutTimeZone() {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                import jakarta.persistence.*;
                import org.springframework.data.jpa.domain.AbstractPersistable;
                @Entity
                public class Clerk extends AbstractPersistable<Long> {
                }
                """);
        s.write("""
                package app;
                import jakarta.persistence.*;
                import org.springframework.data.jpa.domain.AbstractAuditable;
                @Entity
                public class Receipt extends AbstractAuditable<Clerk, Long> {
                }
                """);
        ParsedModel m = s.model(Sources.SPRING_6);
        assertThat(column(m, "receipt", "created_date").type()).isEqualTo(ColumnType.of("timestamp(6)"));
        assertThat(column(m, "receipt", "last_modified_date").type()).isEqualTo(ColumnType.of("timestamp(6)"));
        assertThat(table(m, "receipt").foreignKeys()).extracting(ForeignKey::referencedTable).containsExactly("clerk", "clerk");
    }

    @Test
    void panacheEntityPublicFieldsAreColumns() {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                import io.quarkus.hibernate.orm.panache.PanacheEntity;
                import jakarta.persistence.Entity;
                @Entity
                public class Fruit extends PanacheEntity {
                    public String name;
                    public int stock;
                }
                """);
        s.write("""
                package app;
                import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
                import jakarta.persistence.*;
                @Entity
                public class Basket extends PanacheEntityBase {
                    @Id public String code;
                }
                """);
        ParsedModel m = s.model(Sources.HIBERNATE_7);
        assertThat(table(m, "fruit").columnsByName().keySet()).containsExactlyInAnyOrder("id", "name", "stock");
        assertThat(column(m, "fruit", "id").type()).isEqualTo(ColumnType.BIGINT);
        assertThat(column(m, "fruit", "stock").nullable()).isFalse();
        assertThat(table(m, "basket").primaryKey().columns()).containsExactly("code");
        assertThat(m.schema().sequences()).containsOnlyKeys("fruit_seq");
    }

    @Test
    void enversRevisionMappingGivesAnIntRevisionNumberAndALongTimestamp() {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                import jakarta.persistence.*;
                import org.hibernate.envers.*;
                @Entity
                @RevisionEntity
                public class Revision extends RevisionMapping {
                    private String username;
                }
                """);
        ParsedModel m = s.model();
        assertThat(table(m, "revision").columnsByName().keySet()).containsExactlyInAnyOrder("id", "timestamp", "username");
        assertThat(column(m, "revision", "id").type()).isEqualTo(ColumnType.INTEGER);
        assertThat(column(m, "revision", "timestamp").type()).isEqualTo(ColumnType.BIGINT);
        assertThat(column(m, "revision", "timestamp").nullable()).isFalse();
    }

    @Test
    void aWatchedClassOfTheSameNameWinsOverTheBuiltInOne() {
        Sources s = new Sources(dir);
        s.write("""
                package org.springframework.data.jpa.domain;
                import jakarta.persistence.*;
                @MappedSuperclass
                public abstract class AbstractPersistable<PK> {
                    @Id private PK key;
                }
                """);
        s.write("""
                package app;
                import jakarta.persistence.*;
                import org.springframework.data.jpa.domain.AbstractPersistable;
                @Entity
                public class Product extends AbstractPersistable<String> {
                }
                """);
        ParsedModel m = s.model();
        assertThat(table(m, "product").columnsByName().keySet()).containsExactly("key");
        assertThat(m.schema().sequences()).isEmpty();
    }

    @Test
    void anyOtherSuperclassOutsideTheWatchedFoldersIsStillAnError() {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                import jakarta.persistence.*;
                import org.springframework.data.jpa.domain.AbstractPersistable;
                import com.acme.persistence.Versioned;
                @Entity
                public class Thing extends Versioned<Long> {
                    @Id private Long id;
                }
                """);
        assertThatThrownBy(s::model).isInstanceOf(SourceException.class)
                .hasMessageEndingWith("Thing.java:6:28: superclass Versioned of Thing is not in models.paths: "
                        + "add its source folder to models.paths in watcher.conf");
    }

    @Test
    void aMappingReadingALibrarySourceIsReusedAfterAnUnrelatedEdit() {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                import jakarta.persistence.*;
                import org.springframework.data.jpa.domain.AbstractPersistable;
                @Entity
                public class Product extends AbstractPersistable<Long> {
                }
                """);
        Path other = s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                public class Note {
                    @Id private Long id;
                }
                """);
        SourceIndex index = s.scan();
        ParsedModel first = index.model();
        s.write("app/Note.java", """
                package app;
                import jakarta.persistence.*;
                @Entity
                public class Note {
                    @Id private Long id;
                    private String text;
                }
                """);
        index.update(other);
        ParsedModel second = index.model();
        assertThat(second.schema().tables().get("product")).isSameAs(first.schema().tables().get("product"));
        assertThat(table(second, "note").columnsByName()).containsKey("text");
    }
}
