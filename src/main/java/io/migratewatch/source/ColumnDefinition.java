package io.migratewatch.source;

import io.migratewatch.schema.ColumnType;
import io.migratewatch.schema.SqlLexer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads {@code @Column(columnDefinition = "...")}, which Hibernate pastes verbatim after the column
 * name: the leading type, and the clauses that change the schema ({@code not null},
 * {@code default X}, {@code unique}, {@code check (...)}). Anything else is reported as unsupported
 * rather than ignored, since the database would have it and the model would not; so is a type that
 * is not a plain type name (e.g. {@code geometry(Point,4326)}), which could not be written into SQL.
 * The text is checked to be one column definition before it gets here ({@link ModelExpressions}).
 *
 * @param unsupported the first clause that is not understood, or null
 */
record ColumnDefinition(ColumnType type, boolean notNull, String defaultValue, boolean unique, String check,
                        String unsupported) {

    private static final Set<String> CLAUSE_WORDS = Set.of("not", "null", "default", "unique", "check", "primary",
            "references", "constraint", "generated", "collate");
    // serial types create a sequence and a nextval() default behind the model's back
    private static final Set<String> SERIAL = Set.of("serial", "bigserial", "smallserial", "serial2", "serial4", "serial8");

    /** A token at the top level of the text: a word (perhaps with quotes in it, {@code 'x'::text}), or a parenthesised group. */
    private record Token(String text, int start, int end, boolean word) {
        boolean is(String keyword) {
            return word && text.equalsIgnoreCase(keyword);
        }
    }

    static ColumnDefinition parse(String definition) {
        String text = definition.strip();
        List<Token> tokens = tokenize(text);
        int firstClause = tokens.size();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).word() && CLAUSE_WORDS.contains(tokens.get(i).text().toLowerCase(Locale.ROOT))) {
                firstClause = i;
                break;
            }
        }
        String typeText = firstClause == tokens.size() ? text : text.substring(0, tokens.get(firstClause).start()).strip();
        if (typeText.replace("\"", "").isBlank()) {
            return new ColumnDefinition(null, false, null, false, null, "a columnDefinition must start with the column type");
        }
        ColumnType type = ColumnType.of(typeText);
        if (SERIAL.contains(typeText.toLowerCase(Locale.ROOT)) || !type.isPlain()) {
            return new ColumnDefinition(type, false, null, false, null, typeText);
        }
        boolean notNull = false;
        boolean unique = false;
        String defaultValue = null;
        String check = null;
        String unsupported = null;
        int i = firstClause;
        while (i < tokens.size() && unsupported == null) {
            Token t = tokens.get(i);
            if (t.is("not") && i + 1 < tokens.size() && tokens.get(i + 1).is("null")) {
                notNull = true;
                i += 2;
            } else if (t.is("null")) {
                i++;
            } else if (t.is("unique")) {
                unique = true;
                i++;
            } else if (t.is("default") && i + 1 < tokens.size()) {
                int from = i + 1;
                int to = from + 1;     // the value has at least one token, even when it is the word null
                while (to < tokens.size() && !isClauseStart(tokens, to)) {
                    to++;
                }
                defaultValue = text.substring(tokens.get(from).start(), tokens.get(to - 1).end()).strip();
                i = to;
            } else if (t.is("check") && i + 1 < tokens.size() && tokens.get(i + 1).text().startsWith("(")
                    && tokens.get(i + 1).text().endsWith(")") && tokens.get(i + 1).text().length() > 1) {
                String group = tokens.get(i + 1).text();
                check = group.substring(1, group.length() - 1).strip();
                i += 2;
            } else {
                unsupported = text.substring(t.start()).strip();
            }
        }
        return new ColumnDefinition(type, notNull, defaultValue, unique, check, unsupported);
    }

    private static boolean isClauseStart(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        if (t.is("null")) {
            return false;       // "default null" is handled above; a lone null after a value is a clause only after not
        }
        return t.word() && CLAUSE_WORDS.contains(t.text().toLowerCase(Locale.ROOT));
    }

    /**
     * Splits at spaces outside quotes and parentheses; a parenthesised group is a token of its own.
     * {@link SqlLexer} decides what is quoted, as it does wherever SQL is split.
     */
    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        SqlLexer lexer = new SqlLexer();
        int start = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean topLevel = lexer.state() == SqlLexer.State.CODE && lexer.depth() == 0;
            SqlLexer.Kind kind = lexer.accept(c, i + 1 < s.length() ? s.charAt(i + 1) : -1);
            boolean code = kind == SqlLexer.Kind.CODE;
            if (topLevel && code && (Character.isWhitespace(c) || c == '(')) {
                add(out, s, start, i);
                start = -1;
                if (c != '(') {
                    continue;
                }
            }
            if (start < 0) {
                start = i;
            }
            if (code && c == ')' && lexer.depth() == 0 && s.charAt(start) == '(') {
                add(out, s, start, i + 1);
                start = -1;
            }
        }
        add(out, s, start, s.length());
        return out;
    }

    private static void add(List<Token> out, String s, int start, int end) {
        if (start >= 0 && end > start) {
            String text = s.substring(start, end);
            boolean word = text.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_');
            out.add(new Token(text, start, end, word));
        }
    }
}
