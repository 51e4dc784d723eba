package io.migratewatch.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SqlScriptTest {

    private static List<SqlStatement> split(String sql) {
        return SqlScript.statements(sql, 1);
    }

    @Test
    void splitsOnSemicolonsAndNumbersLinesFromTheGivenFirstLine() {
        List<SqlStatement> statements = SqlScript.statements("""
                CREATE TABLE "a" ("id" integer);
                CREATE TABLE "b" (
                  "id" integer
                );

                DROP TABLE "c";""", 20);

        assertThat(statements).extracting(SqlStatement::sql, SqlStatement::line).containsExactly(
                tuple("CREATE TABLE \"a\" (\"id\" integer)", 20),
                tuple("CREATE TABLE \"b\" (\n  \"id\" integer\n)", 21),
                tuple("DROP TABLE \"c\"", 25));
    }

    @Test
    void twoStatementsOnOneLineHaveTheSameLine() {
        assertThat(split("SELECT 1; SELECT 2;\nSELECT 3;")).extracting(SqlStatement::sql, SqlStatement::line)
                .containsExactly(tuple("SELECT 1", 1), tuple("SELECT 2", 1), tuple("SELECT 3", 2));
    }

    @Test
    void emptyStatementsAndBlankTextGiveNothing() {
        assertThat(split("")).isEmpty();
        assertThat(split("  \n\n\t ")).isEmpty();
        assertThat(split(";;\n;")).isEmpty();
        assertThat(split("-- only a comment\n/* and another */")).isEmpty();
        assertThat(split(";\n;SELECT 1;;")).extracting(SqlStatement::sql, SqlStatement::line).containsExactly(tuple("SELECT 1", 2));
    }

    @Test
    void aLastStatementWithoutSemicolonIsKept() {
        assertThat(split("SELECT 1;\nSELECT 2")).extracting(SqlStatement::sql).containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void semicolonsInSingleQuotedStringsDoNotSplit() {
        List<SqlStatement> statements = split("""
                INSERT INTO "t" VALUES ('a; b', 'it''s; fine');
                COMMENT ON TABLE "t" IS 'line one;
                line two; still the comment';
                SELECT 1;""");

        assertThat(statements).extracting(SqlStatement::sql, SqlStatement::line).containsExactly(
                tuple("INSERT INTO \"t\" VALUES ('a; b', 'it''s; fine')", 1),
                tuple("COMMENT ON TABLE \"t\" IS 'line one;\nline two; still the comment'", 2),
                tuple("SELECT 1", 4));
    }

    @Test
    void semicolonsInEscapeStringsDoNotSplit() {
        // E'...' strings allow backslash escapes, so \' does not end the string
        List<SqlStatement> statements = split("INSERT INTO \"t\" VALUES (E'it\\'s; fine', e'\\\\');\nSELECT 1;");

        assertThat(statements).extracting(SqlStatement::sql, SqlStatement::line).containsExactly(
                tuple("INSERT INTO \"t\" VALUES (E'it\\'s; fine', e'\\\\')", 1),
                tuple("SELECT 1", 2));
    }

    @Test
    void aBackslashInAPlainStringIsJustABackslash() {
        // standard_conforming_strings is on since PostgreSQL 9.1: 'C:\' is a complete string
        assertThat(split("SELECT 'C:\\';\nSELECT 2;")).extracting(SqlStatement::sql, SqlStatement::line)
                .containsExactly(tuple("SELECT 'C:\\'", 1), tuple("SELECT 2", 2));
    }

    @Test
    void semicolonsInQuotedIdentifiersDoNotSplit() {
        List<SqlStatement> statements = split("CREATE TABLE \"odd;name\" (\"say \"\"hi\"\";\" text);\nDROP TABLE \"x\";");

        assertThat(statements).extracting(SqlStatement::sql, SqlStatement::line).containsExactly(
                tuple("CREATE TABLE \"odd;name\" (\"say \"\"hi\"\";\" text)", 1),
                tuple("DROP TABLE \"x\"", 2));
    }

    @Test
    void dollarQuotedBodiesDoNotSplit() {
        String function = """
                CREATE FUNCTION touch() RETURNS trigger AS $$
                BEGIN
                  NEW.updated := now();
                  RETURN NEW;
                END;
                $$ LANGUAGE plpgsql""";
        List<SqlStatement> statements = split(function + ";\nSELECT 1;");

        assertThat(statements).extracting(SqlStatement::sql, SqlStatement::line)
                .containsExactly(tuple(function, 1), tuple("SELECT 1", 7));
    }

    @Test
    void taggedDollarQuotesEndOnlyAtTheSameTag() {
        String body = """
                DO $outer$
                BEGIN
                  EXECUTE $$SELECT 1; SELECT 2$$;
                  RAISE NOTICE 'done; really';
                END
                $outer$""";
        List<SqlStatement> statements = split(body + ";\n\nSELECT 3;");

        assertThat(statements).extracting(SqlStatement::sql, SqlStatement::line)
                .containsExactly(tuple(body, 1), tuple("SELECT 3", 8));
    }

    @Test
    void dollarQuoteTagsMayContainDigits() {
        // PostgreSQL tags follow identifier rules: letters, digits after the first, underscores
        String body = "CREATE FUNCTION f() RETURNS int AS $fn1$ SELECT 1; $fn1$ LANGUAGE sql";

        assertThat(split(body + ";\nSELECT 2;")).extracting(SqlStatement::sql, SqlStatement::line)
                .containsExactly(tuple(body, 1), tuple("SELECT 2", 2));
    }

    @Test
    void aDollarSignInsideAnIdentifierOrParameterStartsNoQuote() {
        assertThat(split("CREATE TABLE x$y$z (id int);\nCREATE TABLE w (id int);")).extracting(SqlStatement::sql, SqlStatement::line)
                .containsExactly(tuple("CREATE TABLE x$y$z (id int)", 1), tuple("CREATE TABLE w (id int)", 2));
        assertThat(split("PREPARE p AS SELECT $1;\nSELECT $2;")).extracting(SqlStatement::sql)
                .containsExactly("PREPARE p AS SELECT $1", "SELECT $2");
    }

    @Test
    void anyNonAsciiCharacterContinuesANameAsInPostgreSql() {
        // PostgreSQL's lexer takes every non-ASCII character for a letter, so €$$ is one name and no dollar quote
        assertThat(split("SELECT 1 AS x€$$;\nSELECT 2;")).extracting(SqlStatement::sql, SqlStatement::line)
                .containsExactly(tuple("SELECT 1 AS x€$$", 1), tuple("SELECT 2", 2));
        assertThat(split("SELECT 1 AS €$$;\nSELECT 2;")).extracting(SqlStatement::sql)
                .containsExactly("SELECT 1 AS €$$", "SELECT 2");
    }

    @Test
    void lineCommentsMayHoldSemicolonsAndQuotes() {
        List<SqlStatement> statements = split("""
                -- don't split here; it's a comment
                CREATE TABLE "a" ("id" integer); -- trailing; comment
                -- "another"
                DROP TABLE "b";""");

        assertThat(statements).extracting(SqlStatement::sql, SqlStatement::line).containsExactly(
                tuple("CREATE TABLE \"a\" (\"id\" integer)", 2),
                tuple("DROP TABLE \"b\"", 4));
    }

    @Test
    void blockCommentsMayHoldSemicolonsAndLineBreaks() {
        List<SqlStatement> statements = split("""
                /* first;
                   still the comment; it's long */
                CREATE TABLE "a" (/* inline; */ "id" integer);
                /* one more
                */ DROP TABLE "b";""");

        assertThat(statements).extracting(SqlStatement::sql, SqlStatement::line).containsExactly(
                tuple("CREATE TABLE \"a\" (/* inline; */ \"id\" integer)", 3),
                tuple("DROP TABLE \"b\"", 5));
    }

    @Test
    void blockCommentsNestAsInPostgreSql() {
        List<SqlStatement> statements = split("/* outer /* inner; */ still the comment; */\nSELECT 1;\nSELECT 2;");

        assertThat(statements).extracting(SqlStatement::sql, SqlStatement::line)
                .containsExactly(tuple("SELECT 1", 2), tuple("SELECT 2", 3));
    }

    @Test
    void aCommentInsideAStatementStaysInIt() {
        List<SqlStatement> statements = split("CREATE TABLE \"a\" (\n  \"id\" integer -- the key; unique\n);\nSELECT 1;");

        assertThat(statements).extracting(SqlStatement::sql, SqlStatement::line).containsExactly(
                tuple("CREATE TABLE \"a\" (\n  \"id\" integer -- the key; unique\n)", 1),
                tuple("SELECT 1", 4));
    }

    @Test
    void multiLineStringsMoveTheLineCountOn() {
        List<SqlStatement> statements = split("SELECT 'a\nb\nc'; SELECT \"x\ny\";\nSELECT $$\n$$;\nSELECT 4;");

        assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 3, 5, 7);
    }

    @Test
    void windowsLineEndingsCountAsOneLine() {
        assertThat(split("SELECT 1;\r\nSELECT 2;\r\n\r\nSELECT 3;")).extracting(SqlStatement::sql, SqlStatement::line)
                .containsExactly(tuple("SELECT 1", 1), tuple("SELECT 2", 2), tuple("SELECT 3", 4));
    }

    // ---- property: statements built from tricky pieces split back into exactly those statements ----

    @Property(tries = 300)
    void splittingFindsEveryStatementAndItsLine(@ForAll("statements") List<String> statements, @ForAll("gaps") List<String> gaps) {
        StringBuilder sql = new StringBuilder();
        List<Integer> lines = new ArrayList<>();
        int line = 5;
        for (int i = 0; i < statements.size(); i++) {
            String gap = gaps.get(i % gaps.size());
            sql.append(gap);
            line += (int) gap.chars().filter(ch -> ch == '\n').count();
            lines.add(line);
            sql.append(statements.get(i)).append(";\n");
            line += (int) statements.get(i).chars().filter(ch -> ch == '\n').count() + 1;
        }

        List<SqlStatement> split = SqlScript.statements(sql.toString(), 5);

        assertThat(split).extracting(SqlStatement::sql).containsExactlyElementsOf(statements);
        assertThat(split).extracting(SqlStatement::line).containsExactlyElementsOf(lines);
    }

    @Provide
    Arbitrary<List<String>> statements() {
        Arbitrary<String> piece = Arbitraries.of(
                "'a;b'", "'it''s;'", "\"col;\"\"x\"", "$$ x; y $$", "$body$ a; $$ ; $body$", "/* c; */", "'multi\nline;'",
                "E'\\';'", "(1)", "x", "\"a\nb\"", "/* a /* b; */ c; */");
        return piece.list().ofMinSize(1).ofMaxSize(4).map(p -> "SELECT " + String.join(" ", p)).list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<List<String>> gaps() {
        return Arbitraries.of("", "\n", "-- note; 'x'\n", "/* gap;\n */ ", "\n\n  ").list().ofMinSize(1).ofMaxSize(3);
    }
}
