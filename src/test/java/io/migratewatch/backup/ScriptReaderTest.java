package io.migratewatch.backup;

import io.migratewatch.migration.SqlScript;
import io.migratewatch.migration.SqlStatement;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The dump reader, with buffers from tiny (every boundary falls inside something) to large. */
class ScriptReaderTest {

    /** Reads everything: statements as "KIND line: text", COPY data appended after its statement. */
    private static List<String> read(String script, int buffer) throws IOException, SQLException {
        ScriptReader r = new ScriptReader(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), buffer);
        List<String> out = new ArrayList<>();
        ScriptReader.Item item;
        while ((item = r.next()) != null) {
            out.add(item.kind() + " " + item.line() + ": " + item.text());
            if (item.kind() == ScriptReader.Kind.COPY) {
                ByteArrayOutputStream data = new ByteArrayOutputStream();
                long rows = r.copyData(data::write);
                out.add("DATA " + rows + ": " + data.toString(StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 70, 1 << 20})
    void statementsCommentsQuotesAndCopyBlocks(int buffer) throws Exception {
        String script = """
                -- a comment; with a semicolon
                SET x = 1;
                /* block /* nested; */ still comment */ SELECT 'it''s; quoted', "a;""b", E'back\\'; slash' AS x;
                CREATE FUNCTION f() RETURNS text AS $body$ SELECT ';' $inner$ ; $inner$ $body$ LANGUAGE sql;
                SELECT $$dollar; quoted$$, a$b$c FROM t;
                \\restrict abc
                COPY "public"."t" ("a", "b") FROM stdin;
                1\tx
                \\N\t\\.not the end
                \\\\.\tnor this
                \\.
                SELECT 'after ü';
                COPY empty FROM stdin;
                \\.
                SELECT 1""";
        assertThat(read(script, buffer)).containsExactly(
                "STATEMENT 2: SET x = 1",
                "STATEMENT 3: SELECT 'it''s; quoted', \"a;\"\"b\", E'back\\'; slash' AS x",
                "STATEMENT 4: CREATE FUNCTION f() RETURNS text AS $body$ SELECT ';' $inner$ ; $inner$ $body$ LANGUAGE sql",
                "STATEMENT 5: SELECT $$dollar; quoted$$, a$b$c FROM t",
                "META 6: \\restrict abc",
                "COPY 7: COPY \"public\".\"t\" (\"a\", \"b\") FROM stdin",
                "DATA 3: 1\tx\n\\N\t\\.not the end\n\\\\.\tnor this\n",
                "STATEMENT 12: SELECT 'after ü'",
                "COPY 13: COPY empty FROM stdin",
                "DATA 0: ",
                "STATEMENT 15: SELECT 1");
    }

    @Test
    void aFileCutShortInsideCopyDataIsReportedAsTruncated() {
        assertThatThrownBy(() -> read("COPY t FROM stdin;\n1\n2\n", 4)).isInstanceOf(BackupFormatException.class)
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> read("SELECT 'open string;\n", 1 << 10)).isInstanceOf(BackupFormatException.class)
                .hasMessageContaining("quoted string").hasMessageContaining("line 1");
    }

    @Test
    void copyTargetsAreParsedQuotedOrNot() {
        assertThat(CopyTarget.parse("COPY \"public\".\"Odd\"\"Name\" (\"a\") FROM stdin")).isEqualTo(new CopyTarget("public", "Odd\"Name"));
        assertThat(CopyTarget.parse("COPY public.customer (id, name) FROM stdin")).isEqualTo(new CopyTarget("public", "customer"));
        assertThat(CopyTarget.parse("copy Plain from stdin")).isEqualTo(new CopyTarget(null, "plain"));
        assertThat(CopyTarget.parse("COPY \"line\nbreak\" FROM stdin")).isEqualTo(new CopyTarget(null, "line\nbreak"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 70, 1 << 20})
    void dollarQuoteTagsOfAnyLengthAreRead(int buffer) throws Exception {
        // PostgreSQL puts no limit on a tag; one longer than any buffer look-ahead must still be one tag
        String tag = "$" + "t".repeat(100) + "$";
        String body = "CREATE FUNCTION f() RETURNS text AS " + tag + " SELECT ';' $$ ; " + tag + " LANGUAGE sql";
        assertThat(read(body + ";\nSELECT 1;", buffer)).containsExactly("STATEMENT 1: " + body, "STATEMENT 2: SELECT 1");
    }

    /** The dump reader and the migration splitter share one lexer: they find the same statements on the same lines. */
    @Property(tries = 200)
    void readsTheStatementsTheMigrationSplitterFinds(@ForAll("scripts") String script, @ForAll @IntRange(min = 1, max = 9) int buffer)
            throws Exception {
        List<String> expected = SqlScript.statements(script, 1).stream().map(st -> "STATEMENT " + st.line()).toList();

        List<String> items = read(script, buffer);

        assertThat(items).extracting(item -> item.substring(0, item.indexOf(':'))).containsExactlyElementsOf(expected);
    }

    @Provide
    Arbitrary<String> scripts() {
        Arbitrary<String> piece = Arbitraries.of("'a;b'", "'it''s;'", "\"col;\"\"x\"", "$$ x; y $$", "$body$ a; $$ ; $body$",
                "/* c; */", "'multi\nline;'", "E'\\';'", "(1)", "x", "\"a\nb\"", "/* a /* b; */ c; */", "-- c; 'x\n",
                "a$b$c", "$1", "ü", "é$$", ";", "\n");
        return piece.list().ofMinSize(1).ofMaxSize(12).map(p -> "SELECT " + String.join(" ", p));
    }
}
