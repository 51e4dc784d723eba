package io.migratewatch.source;

import io.migratewatch.schema.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.migratewatch.source.Sources.column;
import static io.migratewatch.source.Sources.table;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Embedded values and collection tables, as Hibernate 7 creates them (the fidelity test's
 * {@code household} set checks the same against Hibernate itself).
 */
class EmbeddedAndCollectionMappingTest {

    @TempDir
    Path dir;

    private Sources shop() {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Embeddable
                public class Address {
                    @Column(nullable = false, length = 60) private String city;
                    private String street;
                    private double latitude;
                }
                """);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                public class Tag { @Id private Long id; }
                """);
        return s;
    }

    @Test
    void embeddedFieldsAreColumnsOfTheOwnerAndOverridesRenameThem() {
        Sources s = shop();
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                public class Customer {
                    @Id private Long id;
                    private Address home;
                    @Embedded
                    @AttributeOverrides({
                        @AttributeOverride(name = "city", column = @Column(name = "work_city")),
                        @AttributeOverride(name = "street", column = @Column(name = "work_street")),
                        @AttributeOverride(name = "latitude", column = @Column(name = "work_latitude"))
                    })
                    private Address work;
                }
                """);
        ParsedModel m = s.model();

        assertThat(table(m, "customer").columnsByName().keySet())
                .containsExactlyInAnyOrder("id", "city", "street", "latitude", "work_city", "work_street", "work_latitude");
        assertThat(column(m, "customer", "city").nullable()).as("@Column(nullable = false) holds inside an embeddable").isFalse();
        assertThat(column(m, "customer", "city").type().sql()).isEqualTo("varchar(60)");
        assertThat(column(m, "customer", "latitude").nullable()).as("a primitive inside an embeddable may be NULL").isTrue();
        assertThat(column(m, "customer", "work_city").type().sql()).as("the override's column replaces the field's")
                .isEqualTo("varchar(255)");
    }

    @Test
    void anEmbeddedIdIsAPrimaryKeyInHibernatesColumnOrder() {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Embeddable
                public class ReadingKey implements java.io.Serializable { private Long meterId; private java.time.LocalDate readOn; }
                """);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                public class Reading { @EmbeddedId private ReadingKey key; private int value; }
                """);
        Table t = table(s.model(), "reading");

        // Hibernate orders key columns by size (date: 4 bytes, bigint: 8), then by name
        assertThat(t.primaryKey().columns()).containsExactly("read_on", "meter_id");
        assertThat(t.columnsByName().get("meter_id").nullable()).isFalse();
    }

    @Test
    void collectionsGetTheirOwnTablesKeyedByTheirJavaType() {
        Sources s = shop();
        s.write("""
                package app;
                import jakarta.persistence.*;
                import java.util.*;
                @Entity
                public class Post {
                    @Id private Long id;
                    @ManyToMany private Set<Tag> tags;
                    @ManyToMany private List<Tag> featured;
                    @OneToMany private List<Tag> pinned;
                    @ElementCollection private Set<String> labels;
                    @ElementCollection @OrderColumn private List<String> lines;
                    @ElementCollection @MapKeyColumn(name = "lang") private Map<String, String> titles;
                    @ElementCollection private List<Address> places;
                }
                """);
        ParsedModel m = s.model();

        assertThat(m.schema().tables().keySet()).containsExactlyInAnyOrder("tag", "post", "post_tags", "post_featured",
                "post_pinned", "post_labels", "post_lines", "post_titles", "post_places");
        assertThat(table(m, "post_tags").primaryKey().columns()).as("a set: every column").containsExactly("post_id", "tags_id");
        assertThat(table(m, "post_featured").primaryKey()).as("a bag: no key").isNull();
        assertThat(table(m, "post_pinned").uniques()).as("one-to-many: each element once")
                .extracting(u -> u.columns()).containsExactly(java.util.List.of("pinned_id"));
        assertThat(table(m, "post_labels").primaryKey()).as("a set with a nullable element: a unique key instead").isNull();
        assertThat(table(m, "post_labels").uniques()).extracting(u -> u.columns())
                .containsExactly(java.util.List.of("post_id", "labels"));
        assertThat(table(m, "post_lines").primaryKey().columns()).containsExactly("lines_order", "post_id");
        assertThat(table(m, "post_lines").checks()).extracting(c -> c.expression()).containsExactly("\"lines_order\" >= 0");
        assertThat(table(m, "post_titles").primaryKey().columns()).containsExactly("post_id", "lang");
        assertThat(table(m, "post_places").columnsByName().keySet()).containsExactlyInAnyOrder("post_id", "city", "street", "latitude");
        assertThat(table(m, "post_tags").foreignKeys()).extracting(f -> f.referencedTable()).containsExactlyInAnyOrder("post", "tag");
    }

    @Test
    void theOwnerColumnOfABidirectionalManyToManyIsNamedAfterTheOtherSide() {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                public class Person { @Id private Long id; @ManyToMany private java.util.Set<Club> clubs; }
                """);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                public class Club { @Id private Long id; @ManyToMany(mappedBy = "clubs") private java.util.Set<Person> members; }
                """);
        assertThat(table(s.model(), "person_clubs").columnsByName().keySet()).containsExactlyInAnyOrder("members_id", "clubs_id");
    }

    @Test
    void aOneToManyWithAJoinColumnAddsTheColumnToTheTarget() {
        Sources s = shop();
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                public class Post { @Id private Long id; @OneToMany @JoinColumn(name = "post_id") private java.util.List<Tag> tags; }
                """);
        ParsedModel m = s.model();

        assertThat(column(m, "tag", "post_id").nullable()).isTrue();
        assertThat(table(m, "tag").foreignKeys()).extracting(f -> f.referencedTable()).containsExactly("post");
        assertThat(m.schema().tables().keySet()).containsExactlyInAnyOrder("tag", "post");
    }
}
