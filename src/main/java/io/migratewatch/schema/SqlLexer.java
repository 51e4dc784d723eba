package io.migratewatch.schema;

/**
 * The lexical state of PostgreSQL SQL text, one character at a time: code, a line or (nested)
 * block comment, a quoted string ({@code E'...'} with backslash escapes), a quoted name, or a
 * dollar-quoted string ({@code $$...$$}, {@code $tag$...$tag$}); and how many parentheses are open
 * in the code. Only this decides where a statement ends, so that the migration splitter, the
 * restore reader and the check of model text all agree on it.
 * <p>
 * Fed {@code int}s, so it reads a {@link String} by {@code char} as well as a UTF-8 stream by byte
 * (no byte of a multi-byte UTF-8 character is an ASCII delimiter; every non-ASCII character or byte
 * counts as a letter, as in PostgreSQL's own lexer). Each character comes with the one after it,
 * the only look-ahead needed ({@code --}, {@code /*}, {@code *}{@code /}, a doubled quote).
 * <p>
 * Written by hand because nothing in the stack offers it: pgjdbc's SQL parser is internal (and
 * knows no COPY data), and psql, which splits scripts itself, may not be installed (the embedded
 * database ships none). {@code standard_conforming_strings} is taken to be on, as it is by default
 * since PostgreSQL 9.1: in {@code 'C:\'} the backslash is just a character.
 */
public final class SqlLexer {

    /** Where the lexer is between two characters. */
    public enum State { CODE, LINE_COMMENT, BLOCK_COMMENT, STRING, QUOTED_NAME, DOLLAR_STRING }

    /** What one character is part of. */
    public enum Kind {
        /** Code, including the line break that ends a line comment. A {@code ;} of this kind ends a statement. */
        CODE,
        /** The first character of a comment in code: the {@code -} of {@code --} or the {@code /} of {@code /*}. */
        COMMENT_START,
        /** The rest of a comment. */
        COMMENT,
        /**
         * A quoted string, quoted name or dollar-quoted string, its quotes included — except the
         * {@code $} and tag that open a dollar quote, which are code until the closing {@code $} of
         * the tag shows that they were one.
         */
        QUOTED;

        public boolean isComment() {
            return this == COMMENT_START || this == COMMENT;
        }
    }

    private State state = State.CODE;
    private int depth;
    private int commentDepth;
    /** In an E'...' string: a backslash escapes the next character. */
    private boolean escapes;
    /** The second character of a two-character token, already decided by the first one's look-ahead. */
    private Kind pendingKind;
    private State pendingState;
    /** "$name" while what may be an opening dollar-quote tag is read; then the whole tag, "$name$". */
    private final StringBuilder tag = new StringBuilder();
    private boolean readingTag;
    /** How many characters of the closing tag the dollar-quoted string ends with. */
    private int tagMatched;
    private int previous = -1;
    private int beforePrevious = -1;

    /**
     * Takes the next character and says what it is part of.
     *
     * @param c    the character (or byte, 0-255)
     * @param next the character after it, or -1 at the end of the text
     */
    public Kind accept(int c, int next) {
        Kind kind;
        if (pendingKind != null) {
            kind = pendingKind;
            state = pendingState;
            pendingKind = null;
        } else {
            kind = step(c, next);
        }
        beforePrevious = previous;
        previous = c;
        return kind;
    }

    /** The state after the characters taken so far; at the end of a text anything but code or a line comment is unterminated. */
    public State state() {
        return state;
    }

    /** Parentheses opened in code and not closed yet; below zero when more were closed than opened. */
    public int depth() {
        return depth;
    }

    private Kind step(int c, int next) {
        switch (state) {
            case LINE_COMMENT:
                if (c == '\n') {
                    state = State.CODE;  // the line break itself is code: it separates tokens
                    return Kind.CODE;
                }
                return Kind.COMMENT;
            case BLOCK_COMMENT:
                if (c == '/' && next == '*') {
                    commentDepth++;
                    pend(Kind.COMMENT, State.BLOCK_COMMENT);
                } else if (c == '*' && next == '/') {
                    commentDepth--;
                    pend(Kind.COMMENT, commentDepth == 0 ? State.CODE : State.BLOCK_COMMENT);
                }
                return Kind.COMMENT;
            case STRING:
                if (escapes && c == '\\') {
                    pend(Kind.QUOTED, State.STRING);
                } else if (c == '\'') {
                    closeOrDouble(next, '\'');
                }
                return Kind.QUOTED;
            case QUOTED_NAME:
                if (c == '"') {
                    closeOrDouble(next, '"');
                }
                return Kind.QUOTED;
            case DOLLAR_STRING:
                if (c == tag.charAt(tagMatched)) {
                    if (++tagMatched == tag.length()) {
                        state = State.CODE;
                        tagMatched = 0;
                    }
                } else {
                    tagMatched = c == '$' ? 1 : 0;   // a tag holds no '$', so only a '$' can start it again
                }
                return Kind.QUOTED;
            default:
                return code(c, next);
        }
    }

    private Kind code(int c, int next) {
        if (readingTag) {
            if (c == '$') {
                readingTag = false;
                tag.append('$');
                state = State.DOLLAR_STRING;
                tagMatched = 0;
                return Kind.QUOTED;
            }
            if (letter(c) || tag.length() > 1 && digit(c)) {
                tag.append((char) c);
                return Kind.CODE;
            }
            readingTag = false;   // $1, or a lone $: code after all
        }
        if (c == '-' && next == '-') {
            state = State.LINE_COMMENT;
            return Kind.COMMENT_START;
        }
        if (c == '/' && next == '*') {
            state = State.BLOCK_COMMENT;
            commentDepth = 1;
            pend(Kind.COMMENT, State.BLOCK_COMMENT);
            return Kind.COMMENT_START;
        }
        if (c == '\'') {
            // E'...' allows backslash escapes; in abcE'...' the E ends a name and the string is plain
            escapes = (previous == 'E' || previous == 'e') && !identifierPart(beforePrevious);
            state = State.STRING;
            return Kind.QUOTED;
        }
        if (c == '"') {
            state = State.QUOTED_NAME;
            return Kind.QUOTED;
        }
        if (c == '$' && !identifierPart(previous)) {
            // a$b$ is one name; after anything else a $ may open a dollar quote
            readingTag = true;
            tag.setLength(0);
            tag.append('$');
            return Kind.CODE;
        }
        if (c == '(') {
            depth++;
        } else if (c == ')') {
            depth--;
        }
        return Kind.CODE;
    }

    private void closeOrDouble(int next, char quote) {
        if (next == quote) {
            pend(Kind.QUOTED, state);    // a doubled quote stands for one and does not close
        } else {
            state = State.CODE;
        }
    }

    private void pend(Kind kind, State after) {
        pendingKind = kind;
        pendingState = after;
    }

    /** Letters, digits, underscores, dollar signs and any non-ASCII character continue a name. */
    public static boolean identifierPart(int c) {
        return letter(c) || digit(c) || c == '$';
    }

    private static boolean letter(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80;
    }

    private static boolean digit(int c) {
        return c >= '0' && c <= '9';
    }
}
