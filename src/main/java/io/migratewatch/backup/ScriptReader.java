package io.migratewatch.backup;

import io.migratewatch.schema.SqlLexer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Reads a plain SQL dump as psql would, one piece at a time and without holding the file in memory:
 * statements end at a semicolon outside quotes, dollar quotes and comments ({@link SqlLexer}
 * decides, the lexer that also splits migrations); a
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
    /** copyData looks three bytes ahead, for a line {@code \.}. */
    private static final int MIN_BUFFER = 3;

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
        this.buf = new byte[Math.max(bufferSize, MIN_BUFFER)];
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
        SqlLexer lexer = new SqlLexer();
        while (true) {
            if (pos >= limit && fill(1) == 0) {
                SqlLexer.State state = lexer.state();
                if (state != SqlLexer.State.CODE && state != SqlLexer.State.LINE_COMMENT) {
                    throw new BackupFormatException("the file ends inside a " + describe(state) + " that starts at line " + start
                            + " (it is truncated)");
                }
                String text = text();
                return text.isEmpty() ? null : new Item(Kind.STATEMENT, text, start);
            }
            byte b = buf[pos];
            if (b == '\\' && start < 0 && lexer.state() == SqlLexer.State.CODE) {
                long at = line;
                return new Item(Kind.META, restOfLine().trim(), at);
            }
            SqlLexer.Kind kind = lexer.accept(b & 0xFF, peek(1));
            pos++;
            switch (kind) {
                case COMMENT_START -> {
                    if (lexer.state() == SqlLexer.State.BLOCK_COMMENT) {
                        append((byte) ' ');     // a block comment separates tokens; a line comment's line break does
                    }
                }
                case COMMENT -> {
                    if (b == '\n') {
                        line++;
                    }
                }
                case QUOTED -> {
                    if (b == '\n') {
                        line++;
                    } else if (start < 0) {
                        start = line;
                    }
                    append(b);
                }
                case CODE -> {
                    if (b == ';') {
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
                    append(b);
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

    /** The byte {@code ahead} of pos (0-255), or -1 past the end of the input. */
    private int peek(int ahead) throws IOException {
        return fill(ahead + 1) > ahead ? buf[pos + ahead] & 0xFF : -1;
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

    private static String describe(SqlLexer.State state) {
        return switch (state) {
            case BLOCK_COMMENT -> "comment";
            case STRING -> "quoted string";
            case QUOTED_NAME -> "quoted name";
            case DOLLAR_STRING -> "dollar-quoted string";
            default -> "statement";
        };
    }
}
