package io.migratewatch.source;

import io.migratewatch.schema.ColumnType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads {@code @Column(columnDefinition = "...")}, which Hibernate pastes verbatim after the column
 * name: the leading type, and the clauses that change the schema ({@code not null},
 * {@code default X}, {@code unique}, {@code check (...)}). Anything else is reported as unsupported
 * rather than ignored, since the database would have it and the model would not.
 *
 * @param unsupported the first clause that is not understood, or null
 */
record ColumnDefinition(ColumnType type, boolean notNull, String defaultValue, boolean unique, String check,
                        String unsupported) {

    private static final Set<String> CLAUSE_WORDS = Set.of("not", "null", "default", "unique", "check", "primary",
            "references", "constraint", "generated", "collate");
    // serial types create a sequence and a nextval() default behind the model's back
    private static final Set<String> SERIAL = Set.of("serial", "bigserial", "smallserial", "serial2", "serial4", "serial8");

    /** A token at the top level of the text: a word, a quoted string, or a parenthesised group. */
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
        if (typeText.isEmpty()) {
            return new ColumnDefinition(null, false, null, false, null, "a columnDefinition must start with the column type");
        }
        if (SERIAL.contains(typeText.toLowerCase(Locale.ROOT))) {
            return new ColumnDefinition(ColumnType.of(typeText), false, null, false, null, typeText);
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
            } else if (t.is("check") && i + 1 < tokens.size() && tokens.get(i + 1).text().startsWith("(")) {
                String group = tokens.get(i + 1).text();
                check = group.substring(1, group.length() - 1).strip();
                i += 2;
            } else {
                unsupported = text.substring(t.start()).strip();
            }
        }
        return new ColumnDefinition(ColumnType.of(typeText), notNull, defaultValue, unique, check, unsupported);
    }

    private static boolean isClauseStart(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        if (t.is("null")) {
            return false;       // "default null" is handled above; a lone null after a value is a clause only after not
        }
        return t.word() && CLAUSE_WORDS.contains(t.text().toLowerCase(Locale.ROOT));
    }

    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'' || c == '"') {
                int end = i + 1;
                while (end < s.length()) {
                    if (s.charAt(end) == c) {
                        if (end + 1 < s.length() && s.charAt(end + 1) == c) {
                            end += 2;       // doubled quote inside a literal
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                end = Math.min(end + 1, s.length());
                out.add(new Token(s.substring(i, end), i, end, false));
                i = end;
            } else if (c == '(') {
                int depth = 0;
                int end = i;
                char quote = 0;
                for (; end < s.length(); end++) {
                    char d = s.charAt(end);
                    if (quote != 0) {
                        if (d == quote) {
                            quote = 0;
                        }
                    } else if (d == '\'' || d == '"') {
                        quote = d;
                    } else if (d == '(') {
                        depth++;
                    } else if (d == ')' && --depth == 0) {
                        break;
                    }
                }
                end = Math.min(end + 1, s.length());
                out.add(new Token(s.substring(i, end), i, end, false));
                i = end;
            } else {
                int end = i;
                while (end < s.length() && !Character.isWhitespace(s.charAt(end)) && "()'\"".indexOf(s.charAt(end)) < 0) {
                    end++;
                }
                String word = s.substring(i, end);
                boolean isWord = word.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_');
                out.add(new Token(word, i, end, isWord));
                i = end;
            }
        }
        return out;
    }
}
