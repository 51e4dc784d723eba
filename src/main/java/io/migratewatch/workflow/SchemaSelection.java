package io.migratewatch.workflow;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which schemas a deploy to several schemas migrates: those of the database whose names match a glob
 * ({@code --schemas 'tenant_*'}), or those a file lists, one a line ({@code --schemas-from FILE}).
 *
 * @param description how the schemas were chosen, for the summary: {@code 6 schemas matching 'tenant_*'}
 */
public record SchemaSelection(List<String> schemas, String description) {

    public SchemaSelection {
        schemas = List.copyOf(schemas);
    }

    /**
     * A glob as a regular expression: {@code *} any run of characters, {@code ?} one character, {@code [abc]} and
     * {@code [a-z]} one of a set; everything else stands for itself. Matched against the whole name, case-sensitively
     * (PostgreSQL's names are).
     */
    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char ch = glob.charAt(i);
            switch (ch) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                case '[' -> {
                    int end = glob.indexOf(']', i + 2);
                    if (end < 0) {
                        regex.append(Pattern.quote("["));
                    } else {
                        String set = glob.substring(i + 1, end);
                        regex.append('[').append(set.startsWith("!") ? "^" + quoteSet(set.substring(1)) : quoteSet(set)).append(']');
                        i = end;
                    }
                }
                default -> regex.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    private static String quoteSet(String set) {
        StringBuilder out = new StringBuilder();
        for (char ch : set.toCharArray()) {
            out.append(ch == '-' || Character.isLetterOrDigit(ch) ? String.valueOf(ch) : "\\" + ch);
        }
        return out.toString();
    }

    /** The schemas of the database {@code pattern} matches, by name; PostgreSQL's own schemas never match. */
    static SchemaSelection matching(Connection c, String pattern) throws SQLException {
        Pattern glob = glob(pattern);
        List<String> all = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT nspname FROM pg_catalog.pg_namespace"
                + " WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' ORDER BY nspname")) {
            while (rs.next()) {
                all.add(rs.getString(1));
            }
        }
        List<String> chosen = all.stream().filter(n -> glob.matcher(n).matches()).toList();
        if (chosen.isEmpty()) {
            throw new MigrateWatchException(ExitCode.BAD_INPUT, "no schema of the database matches '" + pattern + "' (its schemas: "
                    + (all.isEmpty() ? "none" : String.join(", ", all)) + "). Nothing was applied. Check the pattern: * stands for"
                    + " any characters, ? for one, and names are case-sensitive");
        }
        return new SchemaSelection(chosen, chosen.size() + (chosen.size() == 1 ? " schema" : " schemas") + " matching '" + pattern + "'");
    }

    /**
     * The schemas {@code file} lists, one a line, in its order; blank lines and lines starting with {@code #} are
     * skipped, a name listed twice is migrated once. A schema that does not exist yet is created by its first migration.
     */
    static SchemaSelection listedIn(Path file, String shown) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrateWatchException(ExitCode.BAD_INPUT, "cannot read the schema list " + shown + ": " + e.getMessage()
                    + ". Nothing was applied. --schemas-from takes a file with one schema name a line");
        }
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String name = lines.get(i).strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            if (name.length() > 63 || name.chars().anyMatch(Character::isWhitespace)) {
                throw new MigrateWatchException(ExitCode.BAD_INPUT, shown + ":" + (i + 1) + ": '" + name + "' is not a schema name"
                        + (name.length() > 63 ? " (PostgreSQL names have at most 63 bytes)" : " (one name a line, without spaces)")
                        + ". Nothing was applied. Fix the line and run the command again");
            }
            names.add(name);
        }
        if (names.isEmpty()) {
            throw new MigrateWatchException(ExitCode.BAD_INPUT, shown + " lists no schema. Nothing was applied."
                    + " --schemas-from takes a file with one schema name a line");
        }
        return new SchemaSelection(new ArrayList<>(names), names.size() + (names.size() == 1 ? " schema" : " schemas") + " listed in " + shown);
    }
}
