package io.migratewatch.fidelity;

import io.migratewatch.source.Naming;

import java.util.List;
import java.util.Locale;

/**
 * The figures of one model set, naming and Hibernate version: how many of the facts of Hibernate's schema migrate-watch's schema has,
 * how many it has that Hibernate's does not, and how many of Hibernate's tables it leaves out.
 *
 * @param hibernate the Hibernate major version that created the schema, and migrate-watch's models.hibernate-version
 * @param note empty, or why the figures are not the whole story (a known gap that stops generate)
 */
public record FidelityScore(String set, Naming naming, int hibernate, int hibernateFacts, int matched, int extra, int leftOutTables,
                            int hibernateTables, String note) {

    public double percent() {
        return hibernateFacts == 0 ? 100.0 : 100.0 * matched / hibernateFacts;
    }

    public String namingName() {
        return naming.name().toLowerCase(Locale.ROOT);
    }

    /** {@code fidelity clinic naming=spring hibernate=7: 180/180 facts match (100.0%), 0 extra, 0 tables left out} */
    public String line() {
        return String.format(Locale.ROOT, "fidelity %s naming=%s hibernate=%d: %d/%d facts match (%.1f%%), %d extra, %d tables left out%s",
                set, namingName(), hibernate, matched, hibernateFacts, percent(), extra, leftOutTables,
                note.isEmpty() ? "" : " (" + note + ")");
    }

    /**
     * The summary table of all runs, for the build log.
     *
     * @param versions the full versions of the Hibernates that ran, e.g. {@code 7.4.16.Final and 6.6.56.Final}
     */
    public static String table(List<FidelityScore> scores, String versions) {
        StringBuilder b = new StringBuilder();
        String format = "%-10s %-10s %9s %9s %9s %8s %6s %16s  %s";
        b.append(String.format(Locale.ROOT, "Hibernate %s fidelity (facts of Hibernate's schema that migrate-watch's schema has)%n",
                versions));
        b.append(String.format(Locale.ROOT, format, "set", "naming", "hibernate", "matched", "facts", "match", "extra", "tables left out", "").stripTrailing())
                .append(System.lineSeparator());
        for (FidelityScore s : scores) {
            b.append(String.format(Locale.ROOT, format, s.set, s.namingName(), s.hibernate, s.matched, s.hibernateFacts,
                    String.format(Locale.ROOT, "%.1f%%", s.percent()), s.extra, s.leftOutTables + " of " + s.hibernateTables, s.note)
                    .stripTrailing()).append(System.lineSeparator());
        }
        return b.toString();
    }
}
