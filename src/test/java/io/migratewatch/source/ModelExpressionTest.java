package io.migratewatch.source;

import io.migratewatch.schema.CheckConstraint;
import io.migratewatch.schema.Column;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static io.migratewatch.source.Sources.column;
import static io.migratewatch.source.Sources.table;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Model text that goes into SQL as written is one expression, or the model does not load: the
 * error names the annotation value, what is wrong and what to write instead.
 */
class ModelExpressionTest {

    @TempDir
    Path dir;

    /** The error of a {@code Thing} entity whose fields are {@code body} (its line 6 is the first field). */
    private String error(String body) {
        return error("", body);
    }

    private String error(String classAnnotations, String body) {
        Sources s = new Sources(dir);
        s.write(source(classAnnotations, body));
        SourceException e = org.junit.jupiter.api.Assertions.assertThrows(SourceException.class, () -> s.model());
        assertThat(e.problems()).hasSize(1);
        return e.getMessage();
    }

    private ParsedModel model(String body) {
        Sources s = new Sources(dir);
        s.write(source("", body));
        return s.model();
    }

    private static String source(String classAnnotations, String body) {
        return "package app;\n"
                + "import jakarta.persistence.*;\n"
                + "import org.hibernate.annotations.ColumnDefault;\n"
                + "@Entity " + classAnnotations + "\n"
                + "public class Thing {\n"
                + body
                + "    @Id private Long id;\n"
                + "}\n";
    }

    // ---- the attacks, each refused with file:line:col of the value ----------------------------------

    @Test
    void aSemicolonInADefaultWouldStartASecondStatement() {
        assertThat(error("    @ColumnDefault(\"0; DELETE FROM a\") private Integer count;\n")).isEqualTo(
                "Thing.java:6:20: @ColumnDefault \"0; DELETE FROM a\" is not one SQL expression: it has a ';' outside quotes"
                        + " — write a single expression such as 0 or 'text'");
    }

    @Test
    void aCommentInADefaultWouldCommentOutTheRestOfTheLine() {
        assertThat(error("    @ColumnDefault(\"0 -- \") private Integer count;\n")).isEqualTo(
                "Thing.java:6:20: @ColumnDefault \"0 -- \" is not one SQL expression: it has a comment (--) outside quotes"
                        + " — write a single expression such as 0 or 'text'");
        assertThat(error("    @ColumnDefault(\"0 /* \") private Integer count;\n")).isEqualTo(
                "Thing.java:6:20: @ColumnDefault \"0 /* \" is not one SQL expression: it has a comment (/*) outside quotes"
                        + " — write a single expression such as 0 or 'text'");
    }

    @Test
    void aCheckThatClosesItsParenthesisWouldInjectAConstraint() {
        assertThat(error("    @Column(columnDefinition = \"integer check (a > 0), CONSTRAINT x CHECK (true)\") private Integer a;\n"))
                .isEqualTo("Thing.java:6:32: @Column(columnDefinition) \"integer check (a > 0), CONSTRAINT x CHECK (true)\""
                        + " is not one column definition: it has a ',' outside parentheses"
                        + " — write a type and its clauses, such as varchar(40) not null default 'x'");
        assertThat(error("    @Column(columnDefinition = \"integer check (a > 0)) NOT VALID, CHECK ((true\") private Integer a;\n"))
                .isEqualTo("Thing.java:6:32: @Column(columnDefinition) \"integer check (a > 0)) NOT VALID, CHECK ((true\""
                        + " is not one column definition: it has a ')' without a matching '('"
                        + " — write a type and its clauses, such as varchar(40) not null default 'x'");
    }

    @Test
    void aCheckInAColumnDefinitionIsOneConditionOnItsOwn() {
        assertThat(error("    @Column(columnDefinition = \"integer check (a > 0, b > 0)\") private Integer a;\n"))
                .isEqualTo("Thing.java:6:32: @Column(columnDefinition) \"integer check (a > 0, b > 0)\": its check"
                        + " \"a > 0, b > 0\" is not one SQL expression: it has a ',' outside parentheses"
                        + " — write a single condition such as price > 0");
        assertThat(error("    @Column(columnDefinition = \"integer check ()\") private Integer a;\n"))
                .isEqualTo("Thing.java:6:32: @Column(columnDefinition) \"integer check ()\": its check \"\" is not one SQL"
                        + " expression: it is empty — write a single condition such as price > 0");
    }

    @Test
    void anUnterminatedQuoteOrCommentWouldSwallowTheRest() {
        assertThat(error("    @ColumnDefault(\"'abc\") private String name;\n")).isEqualTo(
                "Thing.java:6:20: @ColumnDefault \"'abc\" is not one SQL expression: it has a ' that is not closed"
                        + " — write a single expression such as 0 or 'text'");
        assertThat(error("    @ColumnDefault(\"E'abc\\\\'\") private String name;\n")).isEqualTo(
                "Thing.java:6:20: @ColumnDefault \"E'abc\\\\'\" is not one SQL expression: it has a ' that is not closed"
                        + " — write a single expression such as 0 or 'text'");
        assertThat(error("    @ColumnDefault(\"$$abc\") private String name;\n")).isEqualTo(
                "Thing.java:6:20: @ColumnDefault \"$$abc\" is not one SQL expression: it has a dollar quote that is not closed"
                        + " — write a single expression such as 0 or 'text'");
        assertThat(error("    @Column(columnDefinition = \"text default \\\"x\") private String name;\n")).isEqualTo(
                "Thing.java:6:32: @Column(columnDefinition) \"text default \\\"x\" is not one column definition:"
                        + " it has a \" that is not closed — write a type and its clauses, such as varchar(40) not null default 'x'");
    }

    @Test
    void aCommaOutsideParenthesesWouldAddAColumn() {
        assertThat(error("    @ColumnDefault(\"0, \\\"evil\\\" text\") private Integer count;\n")).isEqualTo(
                "Thing.java:6:20: @ColumnDefault \"0, \\\"evil\\\" text\" is not one SQL expression: it has a ',' outside"
                        + " parentheses — write a single expression such as 0 or 'text'");
    }

    @Test
    void aDollarQuotedDefaultIsKeptExactlyAsWritten() {
        // one dollar-quoted string: lower-casing its tag or its text for comparison would change what is quoted
        ParsedModel m = model("    @Column(columnDefinition = \"text default $A$ ' $a$; DROP TABLE x; $A$ not null\")"
                + " private String name;\n");
        assertThat(column(m, "thing", "name").defaultValue()).isEqualTo("$A$ ' $a$; DROP TABLE x; $A$");
    }

    @Test
    void aDefaultInAColumnDefinitionIsCheckedToo() {
        assertThat(error("    @Column(columnDefinition = \"text default 'a' || 'b'; DROP TABLE x\") private String name;\n"))
                .contains("Thing.java:6:32: @Column(columnDefinition) \"text default 'a' || 'b'; DROP TABLE x\"", "';' outside quotes");
    }

    @Test
    void aNulCharacterIsRefused() {
        assertThat(error("    @ColumnDefault(\"'a\\0'\") private String name;\n")).isEqualTo(
                "Thing.java:6:20: @ColumnDefault \"'a\\u0000'\" is not one SQL expression: it contains a NUL character"
                        + " — write a single expression such as 0 or 'text'");
    }

    @Test
    void joinColumnsAreCheckedLikeColumns() {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                public class Other {
                    @Id private Long id;
                }
                """);
        String body = "    @ManyToOne @JoinColumn(columnDefinition = \"bigint; DROP TABLE a\") private Other other;\n";
        s.write(source("", body));
        SourceException e = org.junit.jupiter.api.Assertions.assertThrows(SourceException.class, () -> s.model());
        assertThat(e.getMessage()).isEqualTo("Thing.java:6:47: @JoinColumn(columnDefinition) \"bigint; DROP TABLE a\""
                + " is not one column definition: it has a ';' outside quotes"
                + " — write a type and its clauses, such as varchar(40) not null default 'x'");

        s.write(source("", "    @ManyToOne @ColumnDefault(\"1 -- x\") private Other other;\n"));
        e = org.junit.jupiter.api.Assertions.assertThrows(SourceException.class, () -> s.model());
        assertThat(e.getMessage()).isEqualTo("Thing.java:6:31: @ColumnDefault \"1 -- x\" is not one SQL expression:"
                + " it has a comment (--) outside quotes — write a single expression such as 0 or 'text'");
    }

    @Test
    void anIndexColumnListHoldsColumnNamesOnly() {
        assertThat(error("@Table(indexes = @Index(columnList = \"name; DROP TABLE x\"))", "    private String name;\n"))
                .isEqualTo("Thing.java:4:46: @Index(columnList) \"name; DROP TABLE x\" is not a list of columns:"
                        + " it has a ';' outside quotes — write column names separated by commas, such as name, created_at desc");
        assertThat(error("@Table(indexes = @Index(columnList = \"name DROP TABLE x\"))", "    private String name;\n"))
                .isEqualTo("Thing.java:4:46: @Index(columnList) \"name DROP TABLE x\": \"name DROP TABLE x\" is not a column"
                        + " name with an optional asc or desc — write column names separated by commas, such as name, created_at desc");
    }

    @Test
    void namesAreQuotedSoOnlyNulAndEmptyQuotesAreRefused() {
        assertThat(error("@Table(name = \"a\\0b\")", "")).isEqualTo("Thing.java:4:23: @Table(name) \"a\\u0000b\" contains a NUL"
                + " character, which PostgreSQL cannot store in a name — remove it");
        assertThat(error("    @Column(name = \"``\") private String name;\n")).isEqualTo("Thing.java:6:20: @Column(name)"
                + " \"``\" is an empty quoted name — write a name between the quotes, or leave name out");

        ParsedModel m = model("    @Column(name = \"\\\"odd; -- name\\\"\") private String name;\n");
        assertThat(table(m, "thing").column("odd; -- name")).isPresent();
    }

    /** A line break in a name would end a line of the migration file, where {@code -- +down} is a marker: refused where it is written. */
    @Test
    void aNameWithALineBreakOrAnotherControlCharacterIsRefused() {
        assertThat(error("@Table(name = \"nl\\n-- +down\\nDROP TABLE x\")", "")).isEqualTo("Thing.java:4:23: @Table(name)"
                + " \"nl\\n-- +down\\nDROP TABLE x\" contains a line break or another control character, which a migration file"
                + " cannot carry in a name — remove it");
        assertThat(error("    @Column(name = \"a\\tb\") private String name;\n")).startsWith("Thing.java:6:20: @Column(name) \"a\\tb\" contains a line break");
        assertThat(error("    @Column(name = \"a\\u2028b\") private String name;\n")).contains("contains a line break");
        assertThat(error("@Table(indexes = @Index(name = \"ix\\r\", columnList = \"name\"))", "    private String name;\n"))
                .startsWith("Thing.java:4:40: @Index(name)").contains("contains a line break");
    }

    /** A name the mapping makes up from names that each fit can still be too long: refused at the entity. */
    @Test
    void aMadeUpNameLongerThan63BytesIsRefusedAtTheEntity() {
        String sixty = "l".repeat(60);
        assertThat(error("    @ElementCollection private java.util.List<String> " + sixty + ";\n"))
                .startsWith("Thing.java:5:14: the table name thing_" + sixty + " that Thing's mapping makes is 66 bytes long,")
                .contains("PostgreSQL cuts names at 63 bytes");
        assertThat(error("    @ManyToOne private Thing " + "p".repeat(61) + ";\n"))
                .contains("the column name thing." + "p".repeat(61) + "_id that Thing's mapping makes is 64 bytes long");
        String generator = "g".repeat(64);
        assertThat(generated("@SequenceGenerator(name = \"" + generator + "\")", generator))
                .as("a sequence named after its generator").contains("the sequence name " + generator + " that Thing's mapping makes is 64 bytes long");
    }

    /** PostgreSQL cuts names at 63 bytes; the models' name would never exist: refused where it is written, bytes counted. */
    @Test
    void aNameLongerThan63BytesIsRefused() {
        String seventy = "t".repeat(70);
        assertThat(error("@Table(name = \"" + seventy + "\")", "")).isEqualTo("Thing.java:4:23: @Table(name) \"" + seventy
                + "\" is 70 bytes long, and PostgreSQL cuts names at 63 bytes — shorten it to at most 63 bytes");
        assertThat(error("    @Column(name = \"" + "é".repeat(32) + "\") private String name;\n"))
                .as("é is two bytes").contains("is 64 bytes long");
        assertThat(error("@Table(indexes = @Index(name = \"" + "i".repeat(64) + "\", columnList = \"name\"))", "    private String name;\n"))
                .contains("@Index(name)", "is 64 bytes long");
        assertThat(error("@Table(uniqueConstraints = @UniqueConstraint(name = \"" + "u".repeat(64) + "\", columnNames = \"name\"))",
                "    private String name;\n")).contains("@UniqueConstraint(name)", "is 64 bytes long");
        assertThat(generated("@SequenceGenerator(name = \"g\", sequenceName = \"" + "s".repeat(64) + "\")", "g"))
                .contains("@SequenceGenerator(sequenceName)", "is 64 bytes long");
        assertThat(error("    @ManyToOne @JoinColumn(name = \"" + "j".repeat(64) + "\") private Thing parent;\n"))
                .contains("@JoinColumn(name)", "is 64 bytes long");

        String sixtyThree = "t".repeat(63);
        assertThat(table(model("    @Column(name = \"\\\"" + sixtyThree + "\\\"\") private String name;\n"), "thing").column(sixtyThree))
                .as("63 bytes, quotes aside, fit").isPresent();
        Sources s = new Sources(dir);
        s.write(sequenceEntity("@SequenceGenerator(name = \"" + "g".repeat(70) + "\", sequenceName = \"short_seq\")", "g".repeat(70)));
        assertThat(s.model().schema().sequences()).as("a generator's own name is no database name").containsKey("short_seq");
    }

    private String generated(String generatorAnnotation, String generator) {
        Sources s = new Sources(dir);
        s.write(sequenceEntity(generatorAnnotation, generator));
        return org.junit.jupiter.api.Assertions.assertThrows(SourceException.class, s::model).getMessage();
    }

    private static String sequenceEntity(String generatorAnnotation, String generator) {
        return "package app;\nimport jakarta.persistence.*;\n@Entity\npublic class Thing {\n"
                + "    @Id @GeneratedValue(generator = \"" + generator + "\") " + generatorAnnotation + " private Long id;\n}\n";
    }

    /** Two fields on one column would be silently merged into one: Hibernate refuses that mapping, and so does the model. */
    @Test
    void twoFieldsOnOneColumnAreAnErrorNamingBoth() {
        assertThat(error("    @Column(name = \"dup\") private String a;\n    @Column(name = \"dup\") private String b;\n"))
                .isEqualTo("Thing.java:7:42: fields a (Thing.java:6) and b both map to column dup of table thing, which Hibernate"
                        + " refuses — give one of them another @Column(name = \"...\"), or make one read-only with insertable = false,"
                        + " updatable = false");
        assertThat(error("    @Column(name = \"Val\") private String a;\n    @Column(name = \"VAL\") private String b;\n"))
                .as("unquoted names fold to lower case").contains("fields a (Thing.java:6) and b both map to column val");
        assertThat(error("    private String code;\n    @Column(name = \"code\") private String other;\n"))
                .contains("fields code (Thing.java:6) and other both map to column code");

        ParsedModel quoted = model("    @Column(name = \"\\\"Val\\\"\") private String a;\n    @Column(name = \"\\\"val\\\"\") private String b;\n");
        assertThat(table(quoted, "thing").column("Val")).as("quoted names keep their case: two columns").isPresent();
        assertThat(table(quoted, "thing").column("val")).isPresent();
        ParsedModel readOnly = model("    @Column(name = \"code\") private String code;\n"
                + "    @Column(name = \"code\", insertable = false, updatable = false) private String copy;\n");
        assertThat(table(readOnly, "thing").columns()).as("a read-only field shares the column").hasSize(2);
        ParsedModel keyBeside = model("    @ManyToOne @JoinColumn(name = \"parent_id\") private Thing parent;\n"
                + "    @Column(name = \"parent_id\", insertable = false, updatable = false) private Long parentId;\n");
        assertThat(table(keyBeside, "thing").columns()).as("the key beside its association").hasSize(2);
        ParsedModel associationReadOnly = model("    @Column(name = \"parent_id\") private Long parentId;\n"
                + "    @ManyToOne @JoinColumn(name = \"parent_id\", insertable = false, updatable = false) private Thing parent;\n");
        assertThat(table(associationReadOnly, "thing").foreignKeys()).as("the association read-only, its key kept").hasSize(1);
    }

    // ---- what is legitimate keeps working --------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "'text'               |'text'",
            "0                    |0",
            "now()                |now()",
            "current_timestamp    |current_timestamp",
            "nextval('seq')       |nextval('seq')",
            "'a;b'                |'a;b'",
            "E'it\\'s'            |e'it\\'s'",
            "$$x$$                |$$x$$",
            "array['a','b']       |array['a','b']",
            "'x'::text            |'x'",
            "'-- not a comment'   |'-- not a comment'"})
    void legitimateDefaultsAreKept(String written, String kept) {
        ParsedModel m = model("    @ColumnDefault(\"" + written.replace("\\", "\\\\") + "\") private String value;\n");
        Column value = column(m, "thing", "value");
        assertThat(value.defaultValue()).isEqualTo(kept);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "\\\"status\\\" in ('A','B')",
            "lower(value) <> ''",
            "price > 0 and price < 100",
            "(a + b) * 2 > 0",
            "value <> 'a;b, -- c'"})
    void legitimateChecksAreKept(String written) {
        ParsedModel m = model("    @Column(columnDefinition = \"text check (" + written + ")\") private String value;\n");
        assertThat(table(m, "thing").checks()).extracting(CheckConstraint::expression)
                .containsExactly(written.replace("\\\"", "\""));
    }

    @Test
    void aTypeThatIsNotAPlainTypeNameLeavesTheTableOutWithAWarning() {
        ParsedModel m = model("    @Column(columnDefinition = \"geometry(Point,4326)\") private String place;\n");
        assertThat(m.schema().table("thing")).isEmpty();
        assertThat(m.warnings()).extracting(SourceProblem::format).containsExactly("Thing.java:6:5: columnDefinition"
                + " \"geometry(Point,4326)\" (geometry(Point,4326)) is not supported yet: table thing is left out of migrations until it is");
    }

    @Test
    void aHibernateCheckIsOneConditionToo() {
        assertThat(error("    @org.hibernate.annotations.Check(constraints = \"price > 0); DROP TABLE x; --\") private int price;\n"))
                .startsWith("Thing.java:6:").contains("@Check(constraints)", "is not one SQL expression");
    }
}
