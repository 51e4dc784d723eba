package io.migratewatch.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One step of a migration section. A section is one transactional step unless it has marker lines:
 * {@code -- +step no-transaction} starts a step whose statements run each on their own, outside any transaction
 * (what {@code CREATE INDEX CONCURRENTLY} needs); {@code -- +step transaction} starts one that runs in a
 * transaction of its own. Markers are SQL comments, so psql still runs the file.
 */
public record MigrationStep(boolean transactional, List<SqlStatement> statements, int line) {

    public static final String MARKER = "-- +step";
    public static final String NO_TRANSACTION = MARKER + " no-transaction";
    public static final String TRANSACTION = MARKER + " transaction";

    public MigrationStep {
        statements = List.copyOf(statements);
    }

    /** Whether {@code line} (stripped) is a step marker, valid or not. */
    static boolean isMarker(String line) {
        String l = line.strip().toLowerCase(Locale.ROOT);
        return l.equals(MARKER) || l.startsWith(MARKER + " ");
    }

    /** Null when {@code line} is a valid marker, else what is wrong with it. */
    static String problem(String line) {
        String l = line.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return l.equals(NO_TRANSACTION) || l.equals(TRANSACTION) ? null
                : "'" + line.strip() + "' is not a step marker: write '" + NO_TRANSACTION + "' or '" + TRANSACTION + "'";
    }

    /** The steps of a section; steps without statements are left out. */
    public static List<MigrationStep> of(String sql, int firstLine) {
        List<MigrationStep> steps = new ArrayList<>();
        String[] lines = sql.split("\n", -1);
        StringBuilder current = new StringBuilder();
        boolean transactional = true;
        int start = firstLine;
        for (int i = 0; i < lines.length; i++) {
            if (isMarker(lines[i])) {
                add(steps, transactional, current.toString(), start);
                current.setLength(0);
                transactional = !lines[i].strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT).equals(NO_TRANSACTION);
                start = firstLine + i + 1;
            } else {
                current.append(lines[i]).append('\n');
            }
        }
        add(steps, transactional, current.toString(), start);
        return steps;
    }

    private static void add(List<MigrationStep> steps, boolean transactional, String sql, int line) {
        List<SqlStatement> statements = SqlScript.statements(sql, line);
        if (!statements.isEmpty()) {
            steps.add(new MigrationStep(transactional, statements, line));
        }
    }

    /** Whether the section runs as anything but one transaction. */
    public static boolean hasSteps(String sql) {
        return sql.lines().anyMatch(MigrationStep::isMarker);
    }
}
