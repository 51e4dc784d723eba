package io.migratewatch.schema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The one lexer: what each character is part of, written as one letter per character. */
class SqlLexerTest {

    /** c = code, s = comment start, m = comment, q = quoted; then the state and depth after the text. */
    private static String kinds(String text) {
        SqlLexer lexer = new SqlLexer();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            SqlLexer.Kind kind = lexer.accept(text.charAt(i), i + 1 < text.length() ? text.charAt(i + 1) : -1);
            out.append(switch (kind) {
                case CODE -> 'c';
                case COMMENT_START -> 's';
                case COMMENT -> 'm';
                case QUOTED -> 'q';
            });
        }
        return out + " " + lexer.state() + " " + lexer.depth();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "a;b                |ccc CODE 0",
            "'a;'b              |qqqqc CODE 0",
            "'it''s'            |qqqqqqq CODE 0",
            "E'\\'';             |cqqqqc CODE 0",
            "xE'\\';            |ccqqqc CODE 0",
            "'C:\\';            |qqqqqc CODE 0",
            "\"a;\"\"b\";       |qqqqqqqc CODE 0",
            "$$a;$$;            |cqqqqqc CODE 0",
            "$t1$ $$; $t1$;     |cccqqqqqqqqqqc CODE 0",
            "a$b$;              |ccccc CODE 0",
            "$1;                |ccc CODE 0",
            "-- x;\\ny          |smmmmcc CODE 0",
            "/* a /* b */ ; */; |smmmmmmmmmmmmmmmmc CODE 0",
            "/*/ x */;          |smmmmmmmc CODE 0",
            "(a (b)) )          |ccccccccc CODE -1",
            "( ';' ) ( \"(\"    |ccqqqcccccqqq CODE 1",
            "'open              |qqqqq STRING 0",
            "\"open             |qqqqq QUOTED_NAME 0",
            "$x$ open           |ccqqqqqq DOLLAR_STRING 0",
            "/* open            |smmmmmm BLOCK_COMMENT 0",
            "-- open            |smmmmmm LINE_COMMENT 0"})
    void eachCharacterIsCodeCommentOrQuoted(String text, String expected) {
        assertThat(kinds(text.replace("\\n", "\n"))).isEqualTo(expected);
    }

    @Test
    void aDollarQuoteClosesOnlyAtItsOwnTag() {
        assertThat(kinds("$a$ $b$ $$ $a $a$;")).isEqualTo("cc" + "q".repeat(15) + "c CODE 0");
        assertThat(kinds("$a$$$a$;")).isEqualTo("ccqqqqqc CODE 0");
    }

    @Test
    void bytesOfUtf8TextLexAsItsCharactersDo() {
        String text = "SELECT 'ü;' AS \"ä;\", $ö$ ; $ö$, ü$$ ; -- é;\n/* ß; */ 1;";
        SqlLexer chars = new SqlLexer();
        int semicolonsInChars = 0;
        for (int i = 0; i < text.length(); i++) {
            if (chars.accept(text.charAt(i), i + 1 < text.length() ? text.charAt(i + 1) : -1) == SqlLexer.Kind.CODE
                    && text.charAt(i) == ';') {
                semicolonsInChars++;
            }
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        SqlLexer lexer = new SqlLexer();
        int semicolonsInBytes = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (lexer.accept(bytes[i] & 0xFF, i + 1 < bytes.length ? bytes[i + 1] & 0xFF : -1) == SqlLexer.Kind.CODE
                    && bytes[i] == ';') {
                semicolonsInBytes++;
            }
        }
        // ü$$ is one name (non-ASCII characters are letters, as in PostgreSQL), so the ; after it counts; the last ; too
        assertThat(semicolonsInChars).isEqualTo(2);
        assertThat(semicolonsInBytes).isEqualTo(semicolonsInChars);
        assertThat(lexer.state()).isEqualTo(chars.state()).isEqualTo(SqlLexer.State.CODE);
    }

    @Test
    void aLineCommentEndsAtItsLineBreakWhichIsCode() {
        SqlLexer lexer = new SqlLexer();
        assertThat(lexer.accept('-', '-')).isEqualTo(SqlLexer.Kind.COMMENT_START);
        assertThat(lexer.state()).isEqualTo(SqlLexer.State.LINE_COMMENT);
        assertThat(lexer.accept('-', '\n')).isEqualTo(SqlLexer.Kind.COMMENT);
        assertThat(lexer.accept('\n', -1)).isEqualTo(SqlLexer.Kind.CODE);
        assertThat(lexer.state()).isEqualTo(SqlLexer.State.CODE);
    }
}
