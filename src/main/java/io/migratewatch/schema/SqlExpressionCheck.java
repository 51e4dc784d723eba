package io.migratewatch.schema;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Whether text from a model (a default, a check, a column definition, an index column list) is one
 * SQL expression that can be pasted into a statement without changing what is around it: nothing
 * that ends the statement ({@code ;}), comments out the rest of it ({@code --}, {@code /*}), swallows
 * the rest (an unclosed quote), closes or opens the surrounding parentheses (brackets must match
 * too), or adds a clause or column (a comma outside parentheses). {@link SqlLexer} decides what is
 * quoted, as it does when the script is split.
 * <p>
 * Two more things are refused where PostgreSQL's lexer could read the text differently from
 * {@link SqlLexer}: a {@code $} outside quotes that opens no dollar quote ({@code 1$$...} starts a
 * dollar quote for PostgreSQL), and an {@code E'} right after a letter or digit ({@code 1E'...'} is a
 * plain string here, as {@code xE'...'} is, but may be an escape string to PostgreSQL).
 */
public final class SqlExpressionCheck {

    private SqlExpressionCheck() {
    }

    /** Why {@code text} is not one SQL expression; empty when it is. */
    public static Optional<String> expression(String text) {
        return Optional.ofNullable(problem(text, false));
    }

    /** Why {@code text} is not a comma-separated list of SQL expressions (an index column list); empty when it is. */
    public static Optional<String> list(String text) {
        return Optional.ofNullable(problem(text, true));
    }

    private static String problem(String text, boolean list) {
        if (text.isBlank()) {
            return "it is empty";
        }
        SqlLexer lexer = new SqlLexer();
        Deque<Character> open = new ArrayDeque<>();
        boolean dollar = false;     // a '$' in code that may still turn out to open a dollar quote
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return "it contains a NUL character";
            }
            SqlLexer.State before = lexer.state();
            SqlLexer.Kind kind = lexer.accept(c, i + 1 < n ? text.charAt(i + 1) : -1);
            if (dollar) {
                if (before == SqlLexer.State.CODE && lexer.state() == SqlLexer.State.DOLLAR_STRING) {
                    dollar = false;
                } else if (kind != SqlLexer.Kind.CODE || !SqlLexer.identifierPart(c) || c == '$') {
                    return "it has a '$' outside quotes that opens no dollar quote";
                }
            }
            if (kind == SqlLexer.Kind.COMMENT_START) {
                return "it has a comment (" + (c == '-' ? "--" : "/*") + ") outside quotes";
            }
            if (kind == SqlLexer.Kind.QUOTED && before == SqlLexer.State.CODE && c == '\'' && gluedEscape(text, i)) {
                return "it has E' right after a letter or digit (" + text.substring(i - 2, i + 1)
                        + "), which PostgreSQL may read as the start of an escape string";
            }
            if (kind != SqlLexer.Kind.CODE) {
                continue;
            }
            switch (c) {
                case ';' -> {
                    return "it has a ';' outside quotes";
                }
                case '$' -> dollar = true;
                case '(', '[' -> open.push(c);
                case ')', ']' -> {
                    char opening = c == ')' ? '(' : '[';
                    if (open.isEmpty() || open.peek() != opening) {
                        return "it has a '" + c + "' without a matching '" + opening + "'";
                    }
                    open.pop();
                }
                case ',' -> {
                    if (!list && open.isEmpty()) {
                        return "it has a ',' outside parentheses";
                    }
                }
                default -> {
                }
            }
        }
        if (dollar) {
            return "it has a '$' outside quotes that opens no dollar quote";
        }
        switch (lexer.state()) {
            case STRING:
                return "it has a ' that is not closed";
            case QUOTED_NAME:
                return "it has a \" that is not closed";
            case DOLLAR_STRING:
                return "it has a dollar quote that is not closed";
            default:
                break;
        }
        if (!open.isEmpty()) {
            return "it has a '" + open.peek() + "' that is not closed";
        }
        return null;
    }

    /** An E' that the lexer takes for the end of a name and a plain string: whether it is an escape string is in doubt. */
    private static boolean gluedEscape(String text, int quote) {
        return quote >= 2 && (text.charAt(quote - 1) == 'E' || text.charAt(quote - 1) == 'e')
                && SqlLexer.identifierPart(text.charAt(quote - 2));
    }
}
