package io.migratewatch.migration;

import io.migratewatch.schema.SqlLexer;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a section of SQL into statements, so that a failure can name the statement and its line.
 * Semicolons inside quotes, dollar-quoted bodies and comments do not split: {@link SqlLexer} decides,
 * the same lexer that reads dumps on restore and checks model text. Written here rather than taken
 * from a library: pgjdbc's parser is internal, and psql may not be installed.
 */
public final class SqlScript {

    private SqlScript() {
    }

    /** The statements of {@code sql}, comments inside them kept, each with the line it starts on. */
    public static List<SqlStatement> statements(String sql, int firstLine) {
        List<SqlStatement> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        SqlLexer lexer = new SqlLexer();
        int line = firstLine;
        int startLine = -1;
        int n = sql.length();
        for (int i = 0; i < n; i++) {
            char c = sql.charAt(i);
            SqlLexer.Kind kind = lexer.accept(c, i + 1 < n ? sql.charAt(i + 1) : -1);
            if (kind == SqlLexer.Kind.CODE && c == ';') {
                add(result, current, startLine);
                current.setLength(0);
                startLine = -1;
            } else {
                // a statement starts at its first character that is neither space nor comment
                if (startLine < 0 && !kind.isComment() && !Character.isWhitespace(c)) {
                    startLine = line;
                }
                if (startLine >= 0) {
                    current.append(c);
                }
            }
            if (c == '\n') {
                line++;
            }
        }
        add(result, current, startLine);
        return result;
    }

    private static void add(List<SqlStatement> result, StringBuilder current, int startLine) {
        String text = current.toString().strip();
        if (!text.isEmpty()) {
            result.add(new SqlStatement(text, startLine));
        }
    }
}
