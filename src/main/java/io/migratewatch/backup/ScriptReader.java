package io.migratewatch.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Reads a plain SQL dump as psql would, one piece at a time and without holding the file in memory:
 * statements end at a semicolon outside quotes, dollar quotes and comments; a
 * {@code COPY ... FROM stdin;} is followed by data lines up to a line {@code \.}; a line starting
 * with a backslash is a psql meta-command. COPY data is handed on in large chunks as it is read.
 * <p>
 * Works on bytes: every file it reads is UTF-8, in which no byte of a multi-byte character can be
 * mistaken for a quote, semicolon, backslash or line break. Written here because nothing in the
 * stack reads this format: pgjdbc's SQL parser is internal and knows no COPY data, and psql may not
 * be installed (the embedded database ships none).
 */
final class ScriptReader {

    enum Kind { STATEMENT, COPY, META }

    /** @param line the line on which it starts */
    record Item(Kind kind, String text, long line) {
    }

    /** Receives COPY data: whole lines, without the terminating {@code \.}. */
    interface DataSink {
        void write(byte[] bytes, int offset, int length) throws IOException, SQLException;
    }

    private static final Pattern COPY_FROM_STDIN = Pattern.compile("(?is)\\s*COPY\\s.*\\sFROM\\s+STDIN\\b.*");
    private static final int MAX_TAG = 66;

    private enum State { NORMAL, LINE_COMMENT, BLOCK_COMMENT, SINGLE_QUOTE, DOUBLE_QUOTE, DOLLAR_QUOTE }

    private final InputStream in;
    private final byte[] buf;
    private int pos;
    private int limit;
    private long consumed;
    private boolean eof;
    private long line = 1;
    private byte[] statement = new byte[4096];
    private int length;

    ScriptReader(InputStream in) {
        this(in, 1 << 20);
    }

    /** @param bufferSize small sizes are for tests of the buffer boundaries */
    ScriptReader(InputStream in, int bufferSize) {
        this.in = in;
        this.buf = new byte[Math.max(bufferSize, MAX_TAG + 2)];
    }

    /** Bytes read and processed so far. */
    long position() {
        return consumed + pos;
    }

    long line() {
        return line;
    }

    /** The next statement, COPY or meta-command; null at the end. After a COPY, call {@link #copyData} before this again. */
    Item next() throws IOException {
        length = 0;
        long start = -1;
        State state = State.NORMAL;
        int depth = 0;
        boolean backslashEscapes = false;
        byte[] tag = null;
        while (true) {
            if (pos >= limit && fill(1) == 0) {
                if (state != State.NORMAL && state != State.LINE_COMMENT) {
                    throw new BackupFormatException("the file ends inside a " + describe(state) + " that starts at line " + start
                            + " (it is truncated)");
                }
                String text = text();
                return text.isEmpty() ? null : new Item(Kind.STATEMENT, text, start);
            }
            byte b = buf[pos];
            switch (state) {
                case NORMAL -> {
                    if (b == '-' && peek(1) == '-') {
                        state = State.LINE_COMMENT;
                        pos += 2;
                        continue;
                    }
                    if (b == '/' && peek(1) == '*') {
                        state = State.BLOCK_COMMENT;
                        depth = 1;
                        pos += 2;
                        append((byte) ' ');
                        continue;
                    }
                    if (b == '\\' && start < 0) {
                        long at = line;
                        return new Item(Kind.META, restOfLine().trim(), at);
                    }
                    if (b == ';') {
                        pos++;
                        String text = text();
                        if (text.isEmpty()) {
                            length = 0;
                            start = -1;
                            continue;
                        }
                        if (COPY_FROM_STDIN.matcher(text).matches()) {
                            restOfLine(); // the data starts on the next line
                            return new Item(Kind.COPY, text, start);
                        }
                        return new Item(Kind.STATEMENT, text, start);
                    }
                    if (b == '\n') {
                        line++;
                    } else if (start < 0 && !Character.isWhitespace(b)) {
                        start = line;
                    }
                    if (b == '\'') {
                        backslashEscapes = length > 0 && (statement[length - 1] == 'E' || statement[length - 1] == 'e')
                                && (length == 1 || !identifierPart(statement[length - 2]));
                        state = State.SINGLE_QUOTE;
                    } else if (b == '"') {
                        state = State.DOUBLE_QUOTE;
                    } else if (b == '$' && (length == 0 || !identifierPart(statement[length - 1]))) {
                        tag = dollarTag();
                        if (tag != null) {
                            append(tag, 0, tag.length);
                            pos += tag.length;
                            state = State.DOLLAR_QUOTE;
                            continue;
                        }
                    }
                    append(b);
                    pos++;
                }
                case LINE_COMMENT -> {
                    if (b == '\n') {
                        state = State.NORMAL; // the line break itself separates tokens
                    } else {
                        pos++;
                    }
                }
                case BLOCK_COMMENT -> {
                    if (b == '/' && peek(1) == '*') {
                        depth++;
                        pos += 2;
                    } else if (b == '*' && peek(1) == '/') {
                        pos += 2;
                        if (--depth == 0) {
                            state = State.NORMAL;
                        }
                    } else {
                        if (b == '\n') {
                            line++;
                        }
                        pos++;
                    }
                }
                case SINGLE_QUOTE, DOUBLE_QUOTE -> {
                    byte quote = state == State.SINGLE_QUOTE ? (byte) '\'' : (byte) '"';
                    append(b);
                    pos++;
                    if (b == '\n') {
                        line++;
                    }
                    if (b == '\\' && state == State.SINGLE_QUOTE && backslashEscapes) {
                        if (fill(1) > 0) {
                            if (buf[pos] == '\n') {
                                line++;
                            }
                            append(buf[pos++]);
                        }
                    } else if (b == quote) {
                        if (peek(0) == quote) {
                            append(quote);
                            pos++;
                        } else {
                            state = State.NORMAL;
                        }
                    }
                }
                case DOLLAR_QUOTE -> {
                    if (b == '$' && matches(tag)) {
                        append(tag, 0, tag.length);
                        pos += tag.length;
                        state = State.NORMAL;
                    } else {
                        if (b == '\n') {
                            line++;
                        }
                        append(b);
                        pos++;
                    }
                }
            }
        }
    }

    /**
     * Hands the data of the COPY just returned by {@link #next} to the sink, up to the line {@code \.};
     * returns the number of rows (lines).
     */
    long copyData(DataSink sink) throws IOException, SQLException {
        long rows = 0;
        long startLine = line;
        int chunk = pos;
        boolean lineStart = true;
        while (true) {
            if (pos >= limit) {
                if (pos > chunk) {
                    sink.write(buf, chunk, pos - chunk);
                }
                if (fill(1) == 0) {
                    throw new BackupFormatException("the file ends inside the data of the COPY before line " + startLine
                            + " (no line \\. ends it): it is truncated");
                }
                chunk = pos;
            }
            if (lineStart) {
                if (limit - pos < 3 && !eof) {
                    if (pos > chunk) {
                        sink.write(buf, chunk, pos - chunk);
                    }
                    fill(3);
                    chunk = pos;
                }
                int available = limit - pos;
                if (available >= 2 && buf[pos] == '\\' && buf[pos + 1] == '.'
                        && (available == 2 || buf[pos + 2] == '\n' || buf[pos + 2] == '\r')) {
                    if (pos > chunk) {
                        sink.write(buf, chunk, pos - chunk);
                    }
                    restOfLine();
                    return rows;
                }
                lineStart = false;
            }
            int newline = indexOfNewline(pos, limit);
            if (newline < 0) {
                pos = limit;
            } else {
                pos = newline + 1;
                rows++;
                line++;
                lineStart = true;
            }
        }
    }

    private int indexOfNewline(int from, int to) {
        byte[] b = buf;
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Consumes up to and including the next line break; returns the text before it. */
    private String restOfLine() throws IOException {
        int begin = length;
        while (true) {
            if (pos >= limit && fill(1) == 0) {
                break;
            }
            byte b = buf[pos++];
            if (b == '\n') {
                line++;
                break;
            }
            append(b);
        }
        String text = new String(statement, begin, length - begin, StandardCharsets.UTF_8);
        length = begin;
        return text;
    }

    /** At a '$': the whole opening tag ($$ or $name$) when one starts here, else null. */
    private byte[] dollarTag() throws IOException {
        int available = fill(MAX_TAG);
        for (int i = 1; i < Math.min(available, MAX_TAG); i++) {
            byte b = buf[pos + i];
            if (b == '$') {
                return Arrays.copyOfRange(buf, pos, pos + i + 1);
            }
            boolean ok = i == 1 ? identifierStart(b) : identifierPart(b);
            if (!ok) {
                return null;
            }
        }
        return null;
    }

    private boolean matches(byte[] tag) throws IOException {
        if (fill(tag.length) < tag.length) {
            return false;
        }
        for (int i = 0; i < tag.length; i++) {
            if (buf[pos + i] != tag[i]) {
                return false;
            }
        }
        return true;
    }

    private int peek(int ahead) throws IOException {
        return fill(ahead + 1) > ahead ? buf[pos + ahead] : -1;
    }

    /** Makes at least n bytes available from pos unless the input ends first; returns how many are. */
    private int fill(int n) throws IOException {
        if (limit - pos >= n || eof) {
            return limit - pos;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            consumed += pos;
            limit -= pos;
            pos = 0;
        }
        while (limit < n && !eof) {
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) {
                eof = true;
            } else {
                limit += r;
            }
        }
        return limit - pos;
    }

    private void append(byte b) {
        if (length == statement.length) {
            statement = Arrays.copyOf(statement, statement.length * 2);
        }
        statement[length++] = b;
    }

    private void append(byte[] b, int off, int len) {
        if (length + len > statement.length) {
            statement = Arrays.copyOf(statement, Math.max(statement.length * 2, length + len));
        }
        System.arraycopy(b, off, statement, length, len);
        length += len;
    }

    private String text() {
        return new String(statement, 0, length, StandardCharsets.UTF_8).strip();
    }

    private static boolean identifierStart(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b == '_' || (b & 0x80) != 0;
    }

    private static boolean identifierPart(byte b) {
        return identifierStart(b) || (b >= '0' && b <= '9') || b == '$';
    }

    private static String describe(State state) {
        return switch (state) {
            case BLOCK_COMMENT -> "comment";
            case SINGLE_QUOTE -> "quoted string";
            case DOUBLE_QUOTE -> "quoted name";
            case DOLLAR_QUOTE -> "dollar-quoted string";
            default -> "statement";
        };
    }
}
