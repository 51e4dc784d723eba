package io.migratewatch.source;

import io.migratewatch.diff.Change;
import io.migratewatch.diff.SchemaDiff;
import io.migratewatch.migration.SqlScript;
import io.migratewatch.migration.SqlStatement;
import io.migratewatch.schema.Schema;
import io.migratewatch.sql.SqlRenderer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile text at every place where model text reaches SQL: either the model is refused with an
 * error at a line of the entity source, or the migration script made from it splits into exactly
 * the statements rendered, one per change — nothing in a model can end, comment out or extend a
 * statement.
 */
class HostileExpressionPropertyTest {

    /** Where the text goes: expressions pasted as written, and names that are always quoted. */
    enum Place {
        COLUMN_DEFAULT, ASSOCIATION_DEFAULT, COLUMN_DEFINITION, DEFINITION_DEFAULT, DEFINITION_CHECK,
        JOIN_COLUMN_DEFINITION, CLASS_CHECK, FIELD_CHECK, INDEX_COLUMN_LIST, INDEX_COLUMN_IN_LIST,
        TABLE_NAME, ENTITY_NAME, COLUMN_NAME, JOIN_COLUMN_NAME, INDEX_NAME, UNIQUE_NAME, FOREIGN_KEY_NAME, SEQUENCE_NAME
    }

    private static final SqlRenderer RENDERER = new SqlRenderer("public");

    private static final String OTHER = """
            package app;
            import jakarta.persistence.*;
            @Entity
            public class Other {
                @Id private Long id;
            }
            """;

    @Property(tries = 1000)
    void hostileTextIsRefusedOrStaysInsideItsStatement(@ForAll Place place, @ForAll("hostile") String text) {
        String outcome = outcome(place, text);
        Statistics.label("outcome").collect(outcome);
    }

    /** Ordinary text at every place: the model loads and renders, so the property above is not vacuous. */
    @Property(tries = 50)
    void ordinaryTextAtEveryPlaceLoadsAndRenders(@ForAll Place place) {
        String text = switch (place) {
            case COLUMN_DEFAULT, ASSOCIATION_DEFAULT, DEFINITION_DEFAULT -> "'a;b' || $$--$$";
            case COLUMN_DEFINITION -> "varchar(40) not null default 'x, y' check (note <> '--')";
            case JOIN_COLUMN_DEFINITION -> "bigint";
            case DEFINITION_CHECK, CLASS_CHECK, FIELD_CHECK -> "note in ('a;', 'b)')";
            case INDEX_COLUMN_LIST, INDEX_COLUMN_IN_LIST -> "code desc";
            default -> "\"odd; -- /* 'name\"";
        };
        assertThat(outcome(place, text)).startsWith("rendered");
    }

    /** "refused" or "rendered N statements"; fails when neither holds. */
    private static String outcome(Place place, String text) {
        Path dir;
        try {
            dir = Files.createTempDirectory("hostile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Sources s = new Sources(dir);
            s.write("app/Other.java", OTHER);
            s.write("app/Thing.java", thing(place, text));
            ParsedModel model;
            try {
                model = s.model();
            } catch (SourceException e) {
                assertThat(e.problems()).as(e.getMessage()).allSatisfy(p -> {
                    assertThat(p.file().getFileName().toString()).isIn("Thing.java", "Other.java");
                    assertThat(p.line()).isPositive();
                    // the catch-all for a value the schema model rejects: every refusal must be a deliberate one
                    assertThat(p.message()).doesNotStartWith("cannot map entity");
                });
                return "refused";
            }
            List<Change> changes = SchemaDiff.between(Schema.EMPTY, model.schema()).changes();
            String script = RENDERER.script(changes);
            List<String> rendered = RENDERER.render(changes).stream().map(String::strip).toList();
            assertThat(SqlScript.statements(script, 1)).as(script).extracting(SqlStatement::sql)
                    .containsExactlyElementsOf(rendered);
            return "rendered" + (model.schema().table("thing").isPresent() ? "" : " without thing");
        } finally {
            delete(dir);
        }
    }

    /** An entity with every place filled in ordinarily, and {@code text} at {@code place}. */
    private static String thing(Place place, String text) {
        String t = java(text);
        String entity = place == Place.ENTITY_NAME ? "@Entity(name = " + t + ")" : "@Entity";
        String table = "@Table(" + (place == Place.ENTITY_NAME ? "" : "name = " + at(place, Place.TABLE_NAME, t, "\"thing\"") + ", ")
                + "indexes = @Index(name = " + at(place, Place.INDEX_NAME, t, "\"idx_thing_note\"") + ", columnList = "
                + (place == Place.INDEX_COLUMN_LIST ? t : place == Place.INDEX_COLUMN_IN_LIST ? java("note, " + text) : "\"note\"")
                + "), uniqueConstraints = @UniqueConstraint(name = " + at(place, Place.UNIQUE_NAME, t, "\"uk_thing_note\"")
                + ", columnNames = \"note\"))";
        String classCheck = place == Place.CLASS_CHECK ? "@org.hibernate.annotations.Check(constraints = " + t + ")\n" : "";
        String note = switch (place) {
            case COLUMN_DEFAULT -> "@ColumnDefault(" + t + ") ";
            case COLUMN_DEFINITION -> "@Column(columnDefinition = " + t + ") ";
            case DEFINITION_DEFAULT -> "@Column(columnDefinition = " + java("text default " + text) + ") ";
            case DEFINITION_CHECK -> "@Column(columnDefinition = " + java("text check (" + text + ")") + ") ";
            case FIELD_CHECK -> "@org.hibernate.annotations.Check(constraints = " + t + ") ";
            default -> "";
        };
        String join = "@JoinColumn(name = " + at(place, Place.JOIN_COLUMN_NAME, t, "\"other_id\"")
                + (place == Place.JOIN_COLUMN_DEFINITION ? ", columnDefinition = " + t : "")
                + ", foreignKey = @ForeignKey(name = " + at(place, Place.FOREIGN_KEY_NAME, t, "\"fk_thing_other\"") + "))"
                + (place == Place.ASSOCIATION_DEFAULT ? " @ColumnDefault(" + t + ")" : "");
        return "package app;\n"
                + "import jakarta.persistence.*;\n"
                + "import org.hibernate.annotations.ColumnDefault;\n"
                + entity + "\n" + table + "\n" + classCheck
                + "public class Thing {\n"
                + "    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = \"thing_gen\")\n"
                + "    @SequenceGenerator(name = \"thing_gen\", sequenceName = " + at(place, Place.SEQUENCE_NAME, t, "\"thing_seq\"")
                + ") private Long id;\n"
                + "    @Column(name = " + at(place, Place.COLUMN_NAME, t, "\"code\"") + ") private String code;\n"
                + "    " + note + "private String note;\n"
                + "    @ManyToOne " + join + " private Other other;\n"
                + "}\n";
    }

    private static String at(Place place, Place here, String hostile, String ordinary) {
        return place == here ? hostile : ordinary;
    }

    /** A Java string literal holding exactly {@code text}: octal escapes for control characters, UTF-8 for the rest. */
    private static String java(String text) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '\\' || c == '"') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\%03o", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> piece = Arbitraries.of(";", "--", "/*", "*/", "'", "''", "\"", "\"\"", "$$", "$a$", "$A$",
                "E'\\''", "e'", "\\", "(", ")", "((", "))", "[", "]", ",", "\n", "\r\n", " ", "DROP TABLE other", "0", "1",
                "x", "note", "now()", "'a;b'", "\0", "é", "日本", "😀", "\u00a0", "\u2028", "`", "``", "::text",
                "), CONSTRAINT x CHECK (true", "not null", "default", "check", "$1", "a$b", "E", "1E", "desc", "id");
        Arbitrary<String> glued = piece.list().ofMinSize(1).ofMaxSize(8).map(p -> String.join("", p));
        Arbitrary<String> spaced = piece.list().ofMinSize(1).ofMaxSize(6).map(p -> String.join(" ", p));
        Arbitrary<String> known = Arbitraries.of("0; DELETE FROM other", "0 -- ", "0 /* ", "a > 0), CONSTRAINT x CHECK (true",
                "'abc", "0, \"evil\" text", "$A$ ' $a$; DROP TABLE other; $A$", "1$$; DROP TABLE other; $$",
                "1E'\\' || '; DROP TABLE other; --'", "E'it\\'s'", "$$x$$", "'a;b'", "array['a','b']", "'x'::text",
                "note, id desc", "\"note\"", "`note`", "note asc", "", " ", "\"\"", "``", "a\0b");
        return Arbitraries.frequencyOf(
                Tuple.of(4, glued),
                Tuple.of(3, spaced),
                Tuple.of(1, known));
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
