package io.migratewatch.source;

import io.migratewatch.schema.Index;
import io.migratewatch.schema.Sequence;
import io.migratewatch.schema.Table;
import io.migratewatch.schema.UniqueConstraint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.migratewatch.source.Sources.column;
import static io.migratewatch.source.Sources.entity;
import static io.migratewatch.source.Sources.table;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nullability, unnamed constraints and id generators as Hibernate 7.4 creates them (each rule checked against its
 * DDL, quoted in the test).
 */
class HibernateSevenRulesTest {

    @TempDir
    Path dir;

    private ParsedModel model(String classAnnotations, String body) {
        Sources s = new Sources(dir);
        s.write(entity("Thing", classAnnotations, body));
        return s.model();
    }

    @Test
    void onlyAnExplicitColumnLiftsThePrimitivesNotNull() {
        // create table A (bare integer not null, withColumn integer, named integer, withBasic integer not null,
        //   basicOptional integer not null, basicColumn integer, columnBasicFalse integer not null, ...)
        ParsedModel m = model("", """
                    private int bare;
                    @Column private int withColumn;
                    @Column(name = "named") private int withName;
                    @Basic private int withBasic;
                    @Basic(optional = true) private int basicOptional;
                    @Basic @Column private int basicColumn;
                    @Column @Basic(optional = false) private int columnBasicFalse;
                    @Column(nullable = false) private int columnNotNull;
                    @Column @Version private int revision;
                """);
        assertThat(column(m, "thing", "bare").nullable()).isFalse();
        assertThat(column(m, "thing", "with_column").nullable()).isTrue();
        assertThat(column(m, "thing", "named").nullable()).isTrue();
        assertThat(column(m, "thing", "with_basic").nullable()).isFalse();
        assertThat(column(m, "thing", "basic_optional").nullable()).isFalse();
        assertThat(column(m, "thing", "basic_column").nullable()).isTrue();
        assertThat(column(m, "thing", "column_basic_false").nullable()).isFalse();
        assertThat(column(m, "thing", "column_not_null").nullable()).isFalse();
        assertThat(column(m, "thing", "revision").nullable()).isFalse();
    }

    @Test
    void onHibernateSixBasicLiftsThePrimitivesNotNullAsColumnDoes() {
        // Hibernate 6.6.56: create table thing (bare integer not null, with_column integer, with_basic integer,
        //   basic_optional integer, column_basic_false integer not null, revision integer, ...)
        Sources s = new Sources(dir);
        s.write(entity("Thing", """
                    private int bare;
                    @Column private int withColumn;
                    @Basic private int withBasic;
                    @Basic(optional = true) private int basicOptional;
                    @Column @Basic(optional = false) private int columnBasicFalse;
                    @Column @Version private int revision;
                """));
        ParsedModel m = s.model(Sources.SPRING_6);
        assertThat(column(m, "thing", "bare").nullable()).isFalse();
        assertThat(column(m, "thing", "with_column").nullable()).isTrue();
        assertThat(column(m, "thing", "with_basic").nullable()).isTrue();
        assertThat(column(m, "thing", "basic_optional").nullable()).isTrue();
        assertThat(column(m, "thing", "column_basic_false").nullable()).isFalse();
        assertThat(column(m, "thing", "revision").nullable()).isTrue();
    }

    @Test
    void creationAndUpdateTimestampsAreNotNullOnlyOnHibernate7() {
        // Hibernate 7.4: created timestamp(6) with time zone not null; Hibernate 6.6: created timestamp(6) with time zone
        Sources s = new Sources(dir);
        s.write(entity("Thing", "    @CreationTimestamp private Instant created;\n    @UpdateTimestamp private Instant changed;\n"));
        assertThat(column(s.model(Sources.SPRING_7), "thing", "created").nullable()).isFalse();
        assertThat(column(s.model(Sources.SPRING_7), "thing", "changed").nullable()).isFalse();
        assertThat(column(s.model(Sources.SPRING_6), "thing", "created").nullable()).isTrue();
        assertThat(column(s.model(Sources.SPRING_6), "thing", "changed").nullable()).isTrue();
    }

    @Test
    void aSetOfNullableValuesIsUniqueOnlyOnHibernate7AndAnOrderColumnCheckedOnlyThere() {
        // Hibernate 7.4: alter table thing_tags add constraint ... unique (thing_id, tags);
        //   thing_steps (..., steps_order integer not null check (steps_order>=0), ...); Hibernate 6.6: neither
        Sources s = new Sources(dir);
        s.write(entity("Thing", "    @ElementCollection private Set<String> tags;\n"
                + "    @ElementCollection @OrderColumn private List<String> steps;\n"));
        Table seven = table(s.model(Sources.SPRING_7), "thing_tags");
        Table six = table(s.model(Sources.SPRING_6), "thing_tags");
        assertThat(seven.uniques()).hasSize(1);
        assertThat(six.uniques()).isEmpty();
        assertThat(table(s.model(Sources.SPRING_7), "thing_steps").checks()).hasSize(1);
        assertThat(table(s.model(Sources.SPRING_6), "thing_steps").checks()).isEmpty();
    }

    @Test
    void notBlankAndNotEmptyMakeTheColumnNotNull() {
        // notBlank varchar(255) not null, notEmpty varchar(255) not null
        ParsedModel m = model("", "    @NotBlank private String title;\n    @NotEmpty private String code;\n");
        assertThat(column(m, "thing", "title").nullable()).isFalse();
        assertThat(column(m, "thing", "code").nullable()).isFalse();
    }

    @Test
    void unnamedIndexesOverTheSameColumnSetAreOneTheFirstWritten() {
        // @Index(columnList = "e, f desc"), @Index(columnList = "f, e"), @Index(columnList = "f desc, e")
        //   → create index IDXm61ob7rqmv47hxs2ox76t36yq on A (e, f desc)
        ParsedModel m = model("@Table(indexes = {@Index(columnList = \"e, f desc\"), @Index(columnList = \"f, e\"),"
                + " @Index(columnList = \"f desc, e\"), @Index(name = \"named_fe\", columnList = \"f, e\")})",
                "    private String e;\n    private String f;\n");
        List<Index> indexes = table(m, "thing").indexes();
        assertThat(indexes).hasSize(2);
        assertThat(indexes.get(0).columns()).extracting(c -> c.column() + (c.descending() ? " desc" : ""))
                .containsExactly("e", "f desc");
        assertThat(indexes.get(1).name()).isEqualTo("named_fe");
    }

    @Test
    void aUniqueIndexIsAUniqueConstraintAndDuplicatesMergeAsInHibernate() {
        // create table A (..., c varchar(255) unique, ..., unique (a, b), unique (b, a), unique (e, f),
        //   constraint ux_g unique (g)) — UC(a,b)+unique index (b,a) are both kept, two unique indexes over
        //   (e,f)/(f,e) are one, a unique index or UC on a @Column(unique = true) column adds nothing
        ParsedModel m = model("@Table(uniqueConstraints = {@UniqueConstraint(columnNames = {\"a\", \"b\"}),"
                        + " @UniqueConstraint(columnNames = {\"b\", \"a\"}), @UniqueConstraint(columnNames = \"c\")},"
                        + " indexes = {@Index(columnList = \"b, a\", unique = true), @Index(columnList = \"c\", unique = true),"
                        + " @Index(columnList = \"e, f\", unique = true), @Index(columnList = \"f, e\", unique = true),"
                        + " @Index(name = \"ux_g\", columnList = \"g\", unique = true)})",
                "    private String a;\n    private String b;\n    @Column(unique = true) private String c;\n"
                        + "    private String e;\n    private String f;\n    private String g;\n");
        Table t = table(m, "thing");
        assertThat(t.indexes()).isEmpty();
        assertThat(t.uniques()).extracting(UniqueConstraint::columns).containsExactlyInAnyOrder(
                List.of("c"), List.of("a", "b"), List.of("b", "a"), List.of("e", "f"), List.of("g"));
        assertThat(t.uniques()).anySatisfy(u -> assertThat(u.name()).isEqualTo("ux_g"));
    }

    private Sequence onlySequence(ParsedModel m) {
        assertThat(m.warnings()).isEmpty();
        assertThat(m.schema().sequences()).hasSize(1);
        return m.schema().sequences().values().iterator().next();
    }

    @Test
    void anUnreferencedSequenceGeneratorOnTheFieldIsTheIdsGeneratorOnHibernateSeven() {
        // @GeneratedValue(strategy = SEQUENCE) @SequenceGenerator(name = "fg", initialValue = 5, allocationSize = 20)
        //   → create sequence fg start with 1... start with 5 increment by 20
        Sources s = new Sources(dir);
        s.write("package app;\nimport jakarta.persistence.*;\n@Entity public class Thing {\n"
                + "  @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) @SequenceGenerator(name = \"fg\", initialValue = 5,"
                + " allocationSize = 20) Long id;\n}\n");
        Sequence seq = onlySequence(s.model());
        assertThat(seq.name()).isEqualTo("fg");
        assertThat(seq.start()).isEqualTo(5);
        assertThat(seq.increment()).isEqualTo(20);
    }

    @Test
    void anUnreferencedSequenceGeneratorOnTheClassIsTheIdsGeneratorToo() {
        // @SequenceGenerator(name = "lg", allocationSize = 3) on the class → create sequence lg start with 1 increment by 3
        Sources s = new Sources(dir);
        s.write("package app;\nimport jakarta.persistence.*;\n@Entity @SequenceGenerator(name = \"lg\", allocationSize = 3)"
                + " public class Thing {\n  @Id @GeneratedValue Long id;\n}\n");
        Sequence seq = onlySequence(s.model());
        assertThat(seq.name()).isEqualTo("lg");
        assertThat(seq.increment()).isEqualTo(3);
    }

    @Test
    void aSequenceStyleGenericGeneratorMakesItsSequence() {
        // parameters sequence_name = i_gen_seq, initial_value = 7, increment_size = 10
        //   → create sequence i_gen_seq start with 7 increment by 10
        Sources s = new Sources(dir);
        s.write("""
                package app;
                import jakarta.persistence.*;
                import org.hibernate.annotations.GenericGenerator;
                import org.hibernate.annotations.Parameter;
                @Entity public class Thing {
                  @Id @GeneratedValue(generator = "g")
                  @GenericGenerator(name = "g", strategy = "org.hibernate.id.enhanced.SequenceStyleGenerator", parameters = {
                      @Parameter(name = "sequence_name", value = "i_gen_seq"), @Parameter(name = "initial_value", value = "7"),
                      @Parameter(name = "increment_size", value = "10")})
                  Long id;
                }
                """);
        Sequence seq = onlySequence(s.model());
        assertThat(seq.name()).isEqualTo("i_gen_seq");
        assertThat(seq.start()).isEqualTo(7);
        assertThat(seq.increment()).isEqualTo(10);
    }

    @Test
    void aGenericSequenceGeneratorWithoutParametersIsNamedByTheGenerator() {
        // @GenericGenerator(name = "kg", type = SequenceStyleGenerator.class) → create sequence kg start with 1 increment by 50
        Sources s = new Sources(dir);
        s.write("package app;\nimport jakarta.persistence.*;\n@Entity public class Thing {\n  @Id @GeneratedValue(generator = \"kg\")"
                + " @org.hibernate.annotations.GenericGenerator(name = \"kg\", type = org.hibernate.id.enhanced.SequenceStyleGenerator.class)"
                + " Long id;\n}\n");
        Sequence seq = onlySequence(s.model());
        assertThat(seq.name()).isEqualTo("kg");
        assertThat(seq.increment()).isEqualTo(50);
    }

    @Test
    void uuidAndIncrementGeneratorsNeedNoSequence() {
        Sources s = new Sources(dir);
        s.write("package app;\nimport jakarta.persistence.*;\n@Entity public class Thing {\n  @Id @GeneratedValue(generator = \"i\")"
                + " @org.hibernate.annotations.GenericGenerator(name = \"i\", strategy = \"increment\") Long id;\n}\n");
        s.write("package app;\nimport jakarta.persistence.*;\n@Entity public class Other {\n  @Id @GeneratedValue UUID id;\n}\n"
                .replace("UUID", "java.util.UUID"));
        s.write("package app;\nimport jakarta.persistence.*;\n@Entity public class Third {\n  @Id @org.hibernate.annotations.UuidGenerator"
                + " java.util.UUID id;\n}\n");
        ParsedModel m = s.model();
        assertThat(m.warnings()).isEmpty();
        assertThat(m.schema().sequences()).isEmpty();
    }

    @Test
    void aSequenceGeneratorInTheDefaultSchemaIsSupportedAnotherSchemaIsNot() {
        Sources s = new Sources(dir);
        s.write("package app;\nimport jakarta.persistence.*;\n@Entity public class Thing {\n  @Id @GeneratedValue(generator = \"g\")"
                + " @SequenceGenerator(name = \"g\", schema = \"public\") Long id;\n}\n");
        s.write("package app;\nimport jakarta.persistence.*;\n@Entity public class Other {\n  @Id @GeneratedValue(generator = \"o\")"
                + " @SequenceGenerator(name = \"o\", schema = \"audit\") Long id;\n}\n");
        ParsedModel m = s.model();
        assertThat(m.schema().table("thing")).isPresent();
        assertThat(m.schema().table("other")).isEmpty();
        assertThat(m.warnings()).anySatisfy(w -> assertThat(w.format()).contains("@SequenceGenerator(schema)"));
    }

    @Test
    void aTableGeneratorInTheManagedSchemaIsMappedWithoutItsConstraintsAndInAnotherSchemaIsLeftToHibernate() {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                @TableGenerator(name = "g", table = "blocks", schema = "shop", catalog = "ledger",
                        uniqueConstraints = @UniqueConstraint(columnNames = "next_val"), indexes = @Index(columnList = "next_val"))
                public class Thing {
                    @Id @GeneratedValue(strategy = GenerationType.TABLE, generator = "g") Long id;
                }
                """);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                public class Other {
                    @Id @GeneratedValue(generator = "o")
                    @TableGenerator(name = "o", table = "other_blocks", schema = "ids")
                    Long id;
                }
                """);
        ParsedModel m = s.model(new MappingOptions(Naming.SPRING, 7, HibernateSettings.NONE, "shop"));

        assertThat(m.schema().tables()).containsOnlyKeys("thing", "blocks", "other");
        assertThat(table(m, "blocks").uniques()).isEmpty();
        assertThat(table(m, "blocks").indexes()).isEmpty();
        assertThat(m.warnings()).extracting(SourceProblem::format).singleElement().asString().endsWith("Other.java:6:5: the"
                + " generator table ids.other_blocks is in schema ids, not in schema shop that migrate-watch manages: Hibernate"
                + " creates it there, and migrations leave it out");
    }
}
