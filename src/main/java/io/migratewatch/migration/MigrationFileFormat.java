package io.migratewatch.migration;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The migration file format: a comment header, then {@code -- +up} and {@code -- +down} sections
 * of plain SQL that a reviewer can read and psql can run.
 */
public final class MigrationFileFormat {

    public static final String MARKER = "-- migrate-watch migration";
    /** The {@code proof} header's one value: up and down are proven in the transaction that applies the migration. */
    public static final String PROOF_WHEN_APPLIED = "when applied";
    private static final Pattern REVISION = Pattern.compile("[0-9a-f]{12}");
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);

    private MigrationFileFormat() {
    }

    /** {@code 20260819_143022_3f4a5b6c7d8e_add_user_email.sql} */
    public static String fileName(Instant created, String revision, String description) {
        String slug = description.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("_+$", "");
        }
        return FILE_TIME.format(created) + "_" + revision + (slug.isEmpty() ? "" : "_" + slug) + ".sql";
    }

    public static String render(MigrationFile m) {
        StringBuilder sb = new StringBuilder();
        sb.append(MARKER).append('\n');
        sb.append("-- revision: ").append(m.revision()).append('\n');
        sb.append("-- parents: ").append(m.parents().isEmpty() ? "none" : String.join(" ", m.parents())).append('\n');
        sb.append("-- description: ").append(m.description().replaceAll("\\R", " ")).append('\n');
        sb.append("-- created: ").append(m.created().truncatedTo(ChronoUnit.SECONDS)).append('\n');
        sb.append("-- generated: ").append(m.generated()).append('\n');
        if (m.sealed() != null) {
            sb.append("-- sealed: ").append(m.sealed().truncatedTo(ChronoUnit.SECONDS)).append('\n');
        }
        if (m.proofWhenApplied()) {
            sb.append("-- proof: ").append(PROOF_WHEN_APPLIED).append('\n');
        }
        sb.append('\n').append("-- +up\n");
        if (!m.up().isBlank()) {
            sb.append(m.up().strip()).append('\n');
        }
        sb.append('\n').append("-- +down\n");
        if (!m.down().isBlank()) {
            sb.append(m.down().strip()).append('\n');
        }
        return sb.toString();
    }

    public static MigrationFile parse(Path path, String text) {
        // a UTF-8 byte order mark, as some editors write, is not part of the text
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String[] lines = body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        // the number of the file's last line (a final line break does not start another line)
        int lastLine = lines.length > 1 && lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
        if (lines.length == 0 || !lines[0].strip().equals(MARKER)) {
            throw new MigrationFileException(path, 1, "missing header: a migration file starts with '" + MARKER
                    + "' followed by revision, parents, description, created and generated lines");
        }
        Map<String, String> header = new LinkedHashMap<>();
        Map<String, Integer> headerLines = new LinkedHashMap<>();
        int upAt = -1;
        int downAt = -1;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.equals("-- +up")) {
                if (upAt >= 0) {
                    throw new MigrationFileException(path, i + 1, "a second '-- +up' section");
                }
                upAt = i;
            } else if (line.equals("-- +down")) {
                if (upAt < 0) {
                    throw new MigrationFileException(path, i + 1, "'-- +down' before '-- +up'");
                }
                if (downAt >= 0) {
                    throw new MigrationFileException(path, i + 1, "a second '-- +down' section");
                }
                downAt = i;
            } else if (upAt < 0 && line.startsWith("-- ") && line.contains(":")) {
                String key = line.substring(3, line.indexOf(':')).strip();
                header.put(key, line.substring(line.indexOf(':') + 1).strip());
                headerLines.put(key, i + 1);
            }
        }
        if (upAt < 0) {
            throw new MigrationFileException(path, lastLine, "no '-- +up' section: add a line '-- +up' before the SQL that applies the migration");
        }
        if (downAt < 0) {
            throw new MigrationFileException(path, lastLine, "no '-- +down' section: add a line '-- +down' followed by the SQL that reverts it");
        }
        String revision = required(path, header, "revision");
        if (!REVISION.matcher(revision).matches()) {
            throw new MigrationFileException(path, headerLines.get("revision"), "revision '" + revision + "' is not 12 hexadecimal digits");
        }
        String parentText = required(path, header, "parents");
        List<String> parents = new ArrayList<>();
        if (!parentText.equalsIgnoreCase("none") && !parentText.isEmpty()) {
            for (String p : parentText.split("[\\s,]+")) {
                if (!REVISION.matcher(p).matches()) {
                    throw new MigrationFileException(path, headerLines.get("parents"), "parent '" + p + "' is not a revision (12 hexadecimal digits)");
                }
                parents.add(p);
            }
        }
        Instant created;
        try {
            created = Instant.parse(header.getOrDefault("created", "1970-01-01T00:00:00Z"));
        } catch (DateTimeParseException e) {
            throw new MigrationFileException(path, headerLines.get("created"), "created '" + header.get("created") + "' is not an ISO-8601 UTC time like 2026-08-19T14:30:22Z");
        }
        for (int i = upAt + 1; i < lines.length; i++) {
            if (i != downAt && MigrationStep.isMarker(lines[i]) && MigrationStep.problem(lines[i]) != null) {
                throw new MigrationFileException(path, i + 1, MigrationStep.problem(lines[i]));
            }
        }
        String up = String.join("\n", List.of(lines).subList(upAt + 1, downAt));
        String down = String.join("\n", List.of(lines).subList(downAt + 1, lines.length));
        Instant sealed = null;
        if (header.containsKey("sealed")) {
            try {
                sealed = Instant.parse(header.get("sealed"));
            } catch (DateTimeParseException e) {
                throw new MigrationFileException(path, headerLines.get("sealed"), "sealed '" + header.get("sealed") + "' is not an ISO-8601 UTC time like 2026-08-19T14:30:22Z");
            }
        }
        boolean proofWhenApplied = false;
        if (header.containsKey("proof")) {
            if (!header.get("proof").equals(PROOF_WHEN_APPLIED)) {
                throw new MigrationFileException(path, headerLines.get("proof"), "proof '" + header.get("proof") + "' is not '"
                        + PROOF_WHEN_APPLIED + "' (the only value; remove the line to apply the migration without the proof)");
            }
            if (MigrationStep.hasSteps(up) || MigrationStep.hasSteps(down)) {
                throw new MigrationFileException(path, headerLines.get("proof"), "a migration proven when applied runs in one transaction;"
                        + " it cannot have '-- +step' markers: remove the markers or the proof line");
            }
            proofWhenApplied = true;
        }
        return new MigrationFile(path, revision, parents, header.getOrDefault("description", ""), created,
                header.getOrDefault("generated", "manual"), up.strip(), down.strip(),
                upAt + 2 + leadingBlankLines(up), downAt + 2 + leadingBlankLines(down), sealed, proofWhenApplied);
    }

    private static int leadingBlankLines(String section) {
        int n = 0;
        for (String line : section.split("\n", -1)) {
            if (!line.isBlank()) {
                break;
            }
            n++;
        }
        return n;
    }

    private static String required(Path path, Map<String, String> header, String key) {
        String value = header.get(key);
        if (value == null) {
            throw new MigrationFileException(path, 1, "missing header line '-- " + key + ": ...'");
        }
        return value;
    }
}
