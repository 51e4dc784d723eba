package io.migratewatch.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Mappings that are not supported yet leave their table out, with a warning that says where. */
class UnsupportedMappingsTest {

    @TempDir
    Path dir;

    private Sources withTag() {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                public class Tag {
                    @Id private Long id;
                    private String label;
                }
                """);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Embeddable
                public class Address {
                    private String street;
                }
                """);
        return s;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "@ManyToMany private java.util.Map<String, Tag> tags;                  | @ManyToMany as a Map",
            "@Convert(attributeName = \"key\", converter = Object.class) private String secret; | @Convert(attributeName)",
            "@org.hibernate.annotations.GeneratedColumn(\"1\") private String note; | @GeneratedColumn",
            "@OrderColumn @OneToMany(mappedBy = \"x\") private java.util.List<Tag> t; | @OrderColumn on the inverse side",
            "@MapKeyJoinColumn(name = \"k\") @ManyToMany private java.util.Map<Tag, Tag> m; | @MapKeyJoinColumn",
            "@org.hibernate.annotations.TimeZoneColumn(name = \"z\", table = \"zones\") @org.hibernate.annotations.TimeZoneStorage private java.time.OffsetDateTime at; | @TimeZoneColumn(table)",
            "@org.hibernate.annotations.TimeZoneStorage @ElementCollection private java.util.List<java.time.OffsetDateTime> at; | @TimeZoneStorage on a collection",
            "@Column(name = \"at\", columnDefinition = \"timestamp with time zone\") @org.hibernate.annotations.TimeZoneStorage private java.time.ZonedDateTime at; | columnDefinition on a zoned date or time with a time zone column",
    })
    void fieldLevelMappingsLeaveTheTableOut(String field, String what) {
        Sources s = withTag();
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                public class Post {
                    @Id private Long id;
                    %s
                }
                """.formatted(field));
        ParsedModel m = s.model();
        assertThat(m.schema().tables()).containsOnlyKeys("tag");
        assertThat(m.unmanagedTables()).contains("post");
        assertThat(m.warnings()).isNotEmpty();
        assertThat(m.warnings()).extracting(SourceProblem::format).anySatisfy(w -> assertThat(w)
                .startsWith("Post.java:6:5: " + what)
                .contains(" is not supported yet: table post is left out of migrations until it is"));
    }

    @Test
    void aSoftDeleteConverterOfTheApplicationsOwnLeavesTheTableOut() {
        Sources s = withTag();
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Converter
                public class Retired implements AttributeConverter<Boolean, String> {
                    public String convertToDatabaseColumn(Boolean b) { return b == null ? null : b ? "gone" : "here"; }
                    public Boolean convertToEntityAttribute(String s) { return "gone".equals(s); }
                }
                """);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                @org.hibernate.annotations.SoftDelete(converter = Retired.class)
                public class Post {
                    @Id private Long id;
                }
                """);
        ParsedModel m = s.model();
        assertThat(m.unmanagedTables()).contains("post");
        assertThat(m.warnings()).extracting(SourceProblem::format).anySatisfy(w -> assertThat(w)
                .startsWith("Post.java:4:1: @SoftDelete(converter = Retired.class) (Hibernate adds a check of the values the"
                        + " converter writes, which only running it gives) is not supported yet"));
    }

    @Test
    void joinTablesAreLeftOutToo() {
        Sources s = withTag();
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                public class Post {
                    @Id private Long id;
                    @org.hibernate.annotations.GeneratedColumn("upper(name)") private String title;
                    @ManyToMany private java.util.Set<Tag> tags;
                    @ElementCollection private java.util.Set<String> labels;
                }
                """);
        // an entity left out for another reason takes its join and collection tables with it
        ParsedModel spring = s.model(Sources.SPRING_7);
        assertThat(spring.unmanagedTables()).containsExactlyInAnyOrder("post", "post_tags", "post_labels");
        assertThat(spring.warnings()).extracting(SourceProblem::message).contains(
                "with table post, tables post_tags, post_labels are left out of migrations too");
        ParsedModel hibernate = s.model(Sources.HIBERNATE_7);
        assertThat(hibernate.unmanagedTables()).containsExactlyInAnyOrder("post", "post_tag", "post_labels");
    }

    @Test
    void aLeftOutEntitysOneToManyWithJoinColumnLeavesTheTargetOutToo() {
        Sources s = withTag();
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                public class Post {
                    @Id private Long id;
                    @org.hibernate.annotations.GeneratedColumn("upper(name)") private String title;
                    @OneToMany @JoinColumn(name = "post_id") private java.util.List<Tag> tags;
                }
                """);
        ParsedModel m = s.model();
        assertThat(m.unmanagedTables()).containsExactlyInAnyOrder("post", "tag");
        assertThat(m.schema().tables()).isEmpty();
    }

    @Test
    void compositeKeysAndForeignKeysToThem() {
        Sources s = withTag();
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Embeddable
                public class PostKey implements java.io.Serializable { private Long a; private Long b; }
                """);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                public class Post {
                    @EmbeddedId private PostKey key;
                }
                """);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                @IdClass(PostKey.class)
                public class Vote {
                    @Id private Long a;
                    @Id private Long b;
                }
                """);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                public class Reaction {
                    @Id private Long id;
                    @ManyToOne private Post post;
                }
                """);
        ParsedModel m = s.model();
        // composite keys: an @EmbeddedId, an @IdClass, and a foreign key to one of them
        assertThat(m.schema().tables()).containsOnlyKeys("tag", "post", "vote", "reaction");
        assertThat(m.schema().tables().get("post").primaryKey().columns()).containsExactly("a", "b");
        assertThat(m.schema().tables().get("vote").primaryKey().columns()).containsExactly("a", "b");
        assertThat(m.schema().tables().get("reaction").foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.columns()).containsExactly("post_a", "post_b");
            assertThat(fk.referencedColumns()).containsExactly("a", "b");
        });
        assertThat(m.unmanagedTables()).isEmpty();
    }

    @Test
    void autoAppliedConverterLeavesTheTableOut() {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Converter(autoApply = true)
                public class YesNo implements AttributeConverter<Boolean, String> {
                    public String convertToDatabaseColumn(Boolean b) { return b ? "Y" : "N"; }
                    public Boolean convertToEntityAttribute(String s) { return "Y".equals(s); }
                }
                """);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                public class Flagged {
                    @Id private Long id;
                    private boolean active;
                }
                """);
        ParsedModel m = s.model();
        assertThat(m.unmanagedTables()).containsExactly("flagged");
        // Hibernate checks the values YesNo writes ("active in ('N','Y')"), which only running the converter gives
        assertThat(m.warnings().get(0).message()).startsWith("converter YesNo on boolean field active (Hibernate adds a check")
                .contains("is not supported yet");
    }

    @Test
    void aLeftOutEntityWhoseSequenceCannotBeWorkedOutSaysSoInsteadOfDroppingIt() {
        Sources s = withTag();
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                @SecondaryTable(name = "post_extra")
                public class Post {
                    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "g")
                    @SequenceGenerator(name = "g", sequenceName = Elsewhere.POST_SEQUENCE)
                    private Long id;
                }
                """);

        ParsedModel m = s.model();

        assertThat(m.unmanagedTables()).contains("post");
        assertThat(m.warnings()).anySatisfy(w -> assertThat(w.format())
                .startsWith("Post.java:").contains("the id sequence of post cannot be worked out either", "Elsewhere"));
    }
}
