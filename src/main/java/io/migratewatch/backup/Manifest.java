package io.migratewatch.backup;

import io.migratewatch.schema.Identifiers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a backup file holds, written as SQL comments at its top so that {@code psql -f} skips it and
 * a person can read it: when, from which server, database and schema, at which revision, and how
 * many rows each table had. Counts, size and checksum are known only at the end of the dump; every
 * field that changes then has a fixed width, so the finished header has exactly the draft's length
 * and is written over it in place.
 *
 * @param revision     the newest applied revision when the backup was taken, or null
 * @param size         the whole file's length in bytes
 * @param checksum     CRC-32C (hex) of everything after the manifest
 * @param largeObjects how many large objects the backup carries (all of the database's)
 */
public record Manifest(int format, String file, Instant created, String engine, String tool, String server,
                       String database, String schema, String revision, String reason, long size, String checksum,
                       long largeObjects, List<Table> tables) {

    /** One table of the backed-up schema and its row count. */
    public record Table(String name, long rows) {
    }

    public static final int FORMAT = 1;
    static final String FIRST_LINE = "-- migrate-watch backup";
    static final String LAST_LINE = "-- end of manifest";
    private static final String NO_CHECKSUM = "00000000";
    private static final int MAX_HEADER_BYTES = 64 << 20;
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    public Manifest {
        tables = List.copyOf(tables);
    }

    /** The manifest before the dump: names known, counts, size and checksum zero. */
    static Manifest draft(BackupRequest request, String engine, String tool, String server, String database, List<String> tableNames) {
        return new Manifest(FORMAT, request.fileName(), request.created(), engine, tool, server, database, request.schema(),
                request.revision(), request.reason(), 0, NO_CHECKSUM, 0, tableNames.stream().map(t -> new Table(t, 0)).toList());
    }

    public long rows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }

    Manifest withCounts(List<Table> counted, long objects) {
        return new Manifest(format, file, created, engine, tool, server, database, schema, revision, reason, size, checksum, objects, counted);
    }

    Manifest withSizeAndChecksum(long bytes, String crc) {
        return new Manifest(format, file, created, engine, tool, server, database, schema, revision, reason, bytes, crc, largeObjects, tables);
    }

    /** The header text; its length depends only on the fields known before the dump. */
    String render() {
        StringBuilder sb = new StringBuilder(FIRST_LINE).append('\n');
        text(sb, "format", Integer.toString(format));
        text(sb, "file", file);
        text(sb, "created", CREATED.format(created));
        text(sb, "engine", engine);
        text(sb, "tool", tool);
        text(sb, "server", server);
        text(sb, "database", database);
        text(sb, "schema", schema);
        text(sb, "revision", revision == null ? "none" : revision);
        text(sb, "reason", reason);
        number(sb, "size", size);
        text(sb, "checksum", "crc32c " + checksum);
        number(sb, "large objects", largeObjects);
        number(sb, "tables", tables.size());
        number(sb, "rows", rows());
        for (Table t : tables) {
            sb.append(String.format(Locale.ROOT, "-- %-14s %20d %s\n", "table:", t.rows(), escape(Identifiers.quote(t.name()))));
        }
        return sb.append(LAST_LINE).append('\n').toString();
    }

    private static void text(StringBuilder sb, String key, String value) {
        sb.append(String.format(Locale.ROOT, "-- %-14s %s\n", key + ":", escape(value == null ? "" : value)));
    }

    private static void number(StringBuilder sb, String key, long value) {
        sb.append(String.format(Locale.ROOT, "-- %-14s %20d\n", key + ":", value));
    }

    /** The manifest and the number of bytes it takes at the top of the file. */
    record Header(Manifest manifest, long bytes) {
    }

    /**
     * Reads the manifest at the start of a stream.
     *
     * @throws BackupFormatException when the stream does not start with a complete manifest
     */
    static Header read(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        long bytes = 0;
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new BackupFormatException(lines.isEmpty() ? "the file is empty" : "the manifest at the top of the file ends early");
            }
            bytes++;
            if (bytes > MAX_HEADER_BYTES) {
                throw new BackupFormatException("no end of manifest in the first " + (MAX_HEADER_BYTES >> 20) + " MB");
            }
            if (b != '\n') {
                line.write(b);
                continue;
            }
            String text = line.toString(StandardCharsets.UTF_8);
            if (text.endsWith("\r")) {
                text = text.substring(0, text.length() - 1);
            }
            line.reset();
            if (lines.isEmpty() && !text.equals(FIRST_LINE)) {
                throw new BackupFormatException("it does not start with '" + FIRST_LINE + "'");
            }
            if (text.equals(LAST_LINE)) {
                return new Header(parse(lines), bytes);
            }
            lines.add(text);
        }
    }

    private static Manifest parse(List<String> lines) {
        int format = 0;
        String file = "";
        Instant created = null;
        String engine = "";
        String tool = "";
        String server = "";
        String database = "";
        String schema = null;
        String revision = null;
        String reason = "";
        long size = -1;
        String checksum = null;
        long objects = 0;
        List<Table> tables = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            int colon = line.indexOf(':');
            if (!line.startsWith("-- ") || colon < 0) {
                throw new BackupFormatException("manifest line '" + line + "' is not '-- key: value'");
            }
            String key = line.substring(3, colon).trim();
            String raw = line.substring(colon + 1).trim();
            try {
                switch (key) {
                    case "format" -> format = Integer.parseInt(raw);
                    case "file" -> file = unescape(raw);
                    case "created" -> created = Instant.parse(raw);
                    case "engine" -> engine = unescape(raw);
                    case "tool" -> tool = unescape(raw);
                    case "server" -> server = unescape(raw);
                    case "database" -> database = unescape(raw);
                    case "schema" -> schema = unescape(raw);
                    case "revision" -> revision = raw.equals("none") ? null : unescape(raw);
                    case "reason" -> reason = unescape(raw);
                    case "size" -> size = Long.parseLong(raw);
                    case "checksum" -> checksum = raw.startsWith("crc32c ") ? raw.substring(7).trim() : null;
                    case "large objects" -> objects = Long.parseLong(raw);
                    case "table" -> {
                        int space = raw.indexOf(' ');
                        if (space < 0) {
                            throw new BackupFormatException("manifest line '" + line + "' names no table");
                        }
                        tables.add(new Table(unquote(unescape(raw.substring(space + 1).trim())), Long.parseLong(raw.substring(0, space))));
                    }
                    default -> {
                        // a key added by a later version: not needed to restore
                    }
                }
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new BackupFormatException("manifest line '" + line + "' has a malformed value");
            }
        }
        if (format > FORMAT) {
            throw new BackupFormatException("it was written by a newer migrate-watch (backup format " + format + "; this version reads " + FORMAT + ")");
        }
        if (format < 1 || created == null || schema == null || size < 0 || checksum == null) {
            throw new BackupFormatException("the manifest lacks format, created, schema, size or checksum");
        }
        return new Manifest(format, file, created, engine, tool, server, database, schema, revision, reason, size, checksum, objects, tables);
    }

    /**
     * Names and texts may hold anything, line breaks included; a line break would end the SQL
     * comment and turn the rest into SQL. Backslash, CR, LF and other control characters are escaped.
     */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    static String unescape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                sb.append(c);
                continue;
            }
            char next = s.charAt(++i);
            switch (next) {
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 'u' -> {
                    if (i + 4 >= s.length()) {
                        throw new BackupFormatException("malformed escape in manifest value '" + s + "'");
                    }
                    sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> sb.append(next);
            }
        }
        return sb.toString();
    }

    private static String unquote(String quoted) {
        try {
            return Identifiers.unquote(quoted);
        } catch (IllegalArgumentException e) {
            throw new BackupFormatException("table name " + quoted + " in the manifest is not quoted");
        }
    }
}
