package io.migratewatch.schema;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Model text is one expression, or it says why not. */
class SqlExpressionCheckTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"'text'", "0", "now()", "current_timestamp", "nextval('seq')", "'a;b'", "'a--b /* c'",
            "\"status\" in ('A','B')", "lower(email)", "price > 0 and price < 100", "(a + b) * 2", "E'it\\'s'",
            "e'\\\\'", "$$x$$", "$tag$ it's; -- $tag$", "array['a','b']", "'x'::text", "-1", "a - -1", "10 / 2",
            "B'101'", "X'1F'", "N'x'", "U&'d\\0061t'", "\"we;ird\"\"name\" > 0", "'multi\nline'", "'ü' || \"ä\"",
            "coalesce(a, b, 0) >= 0", "a[1] = 2", "x in (select 1)", "now() + interval'1 day'", "'{\"a\": 1}'::jsonb"})
    void legitimateExpressionsPass(String expression) {
        assertThat(SqlExpressionCheck.expression(expression)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "0; DELETE FROM a                  |it has a ';' outside quotes",
            "(0; DELETE FROM a)                |it has a ';' outside quotes",
            "`0 -- `                           |it has a comment (--) outside quotes",
            "0 /* x */                         |it has a comment (/*) outside quotes",
            "a > 0), CONSTRAINT x CHECK (true  |it has a ')' without a matching '('",
            "0, \"other\" integer              |it has a ',' outside parentheses",
            "'abc                              |it has a ' that is not closed",
            "E'abc\\'                          |it has a ' that is not closed",
            "`\"abc`                           |it has a \" that is not closed",
            "$$abc                             |it has a dollar quote that is not closed",
            "$a$ x $b$                         |it has a dollar quote that is not closed",
            "(1 + 2                            |it has a '(' that is not closed",
            "array[1, 2) ]                     |it has a ')' without a matching '('",
            "1$$; DROP TABLE a; $$             |it has a '$' outside quotes that opens no dollar quote",
            "a$b > 0                           |it has a '$' outside quotes that opens no dollar quote",
            "$1                                |it has a '$' outside quotes that opens no dollar quote",
            "1E'\\' + '; DROP TABLE a; --'     |it has E' right after a letter or digit (1E'), which PostgreSQL may read as the start of an escape string",
            "typee'x'                          |it has E' right after a letter or digit (ee'), which PostgreSQL may read as the start of an escape string"})
    void hostileExpressionsAreRefusedWithTheReason(String expression, String reason) {
        assertThat(SqlExpressionCheck.expression(expression)).contains(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "\n"})
    void blankTextIsNoExpression(String expression) {
        assertThat(SqlExpressionCheck.expression(expression)).contains("it is empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\0b", "'a\0b'"})
    void nulIsRefusedAnywhere(String expression) {
        assertThat(SqlExpressionCheck.expression(expression)).contains("it contains a NUL character");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "name, created_at desc   |",
            "\"a,b\", c              |",
            "a; DROP TABLE x         |it has a ';' outside quotes",
            "a -- , b                |it has a comment (--) outside quotes"})
    void aColumnListMayHoldCommas(String list, String reason) {
        assertThat(SqlExpressionCheck.list(list).orElse(null)).isEqualTo(reason);
    }
}
