package io.migratewatch.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a section of SQL into statements, so that a failure can name the statement and its line.
 * Semicolons inside quotes, dollar-quoted bodies and comments do not split. Written here rather than
 * taken from a library: pgjdbc's parser is internal, and the rules needed are few.
 */
public final class SqlScript {

    /** A dollar-quote tag follows identifier rules: empty, or a letter or underscore then letters, digits, underscores. */
    private static final Pattern DOLLAR_TAG = Pattern.compile("([\\p{L}_][\\p{L}0-9_]*)?");

    private SqlScript() {
    }

    public static List<SqlStatement> statements(String sql, int firstLine) {
        List<SqlStatement> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int line = firstLine;
        int startLine = -1;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                if (startLine >= 0) {
                    current.append(sql, i, end);
                }
                i = end;
                continue;
            }
            if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = blockCommentEnd(sql, i);
                line += count(sql, i, end);
                if (startLine >= 0) {
                    current.append(sql, i, end);
                }
                i = end;
                continue;
            }
            if (!Character.isWhitespace(c) && startLine < 0 && c != ';') {
                startLine = line;
            }
            if (c == '\'' || c == '"') {
                int end = closing(sql, i, c, c == '\'' && escapeString(sql, i));
                line += count(sql, i, end);
                current.append(sql, i, end);
                i = end;
                continue;
            }
            if (c == '$' && (i == 0 || !identifierPart(sql.charAt(i - 1)))) {
                int tagEnd = sql.indexOf('$', i + 1);
                if (tagEnd > 0 && DOLLAR_TAG.matcher(sql.substring(i + 1, tagEnd)).matches()) {
                    String tag = sql.substring(i, tagEnd + 1);
                    int close = sql.indexOf(tag, tagEnd + 1);
                    int end = close < 0 ? n : close + tag.length();
                    line += count(sql, i, end);
                    current.append(sql, i, end);
                    i = end;
                    continue;
                }
            }
            if (c == ';') {
                add(result, current, startLine);
                current.setLength(0);
                startLine = -1;
                i++;
                continue;
            }
            if (c == '\n') {
                line++;
            }
            if (startLine >= 0) {
                current.append(c);
            }
            i++;
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

    /** PostgreSQL block comments nest: the comment ends where its own opening is closed. */
    private static int blockCommentEnd(String sql, int start) {
        int depth = 0;
        int i = start;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** An E'...' string, in which a backslash escapes the next character. */
    private static boolean escapeString(String sql, int quote) {
        return quote > 0 && (sql.charAt(quote - 1) == 'E' || sql.charAt(quote - 1) == 'e')
                && (quote == 1 || !identifierPart(sql.charAt(quote - 2)));
    }

    /** Letters, digits, underscores and dollar signs continue an identifier (a$b is one name, not a dollar quote). */
    private static boolean identifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private static int closing(String sql, int start, char quote, boolean backslashEscapes) {
        int i = start + 1;
        while (i < sql.length()) {
            if (backslashEscapes && sql.charAt(i) == '\\') {
                i += 2;
                continue;
            }
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static int count(String s, int from, int to) {
        int lines = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
