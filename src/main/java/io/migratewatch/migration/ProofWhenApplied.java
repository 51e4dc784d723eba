package io.migratewatch.migration;

import io.migratewatch.introspect.CatalogDigest;
import io.migratewatch.schema.Identifiers;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reversibility proof of a migration marked {@code -- proof: when applied}, made in the transaction
 * that applies it: after the up section, the down section runs inside a savepoint; the catalog of the
 * relations the migration names (and of the foreign keys pointing at them) must then read as it did
 * before the up section. The savepoint is rolled back, so what commits is the up section's work; a down
 * section that does not return the schema fails the migration, and its transaction rolls back whole.
 * <p>
 * Generation marks the parts of a migration too large for one transaction this way: proving them
 * beforehand would need a scratch copy of the database and would run their statements three times.
 */
final class ProofWhenApplied {

    interface Section {
        void run(String section, List<SqlStatement> statements) throws SQLException;
    }

    private static final Pattern NAME = Pattern.compile(Identifiers.IN_SQL);
    private static final String SAVEPOINT = "migrate_watch_proof";

    private ProofWhenApplied() {
    }

    /** Runs the up section, proven by the down section; the caller's transaction then records and commits it. */
    static void upThenProve(Connection c, MigrationFile m, Set<String> excluded, Section section) throws SQLException {
        Set<String> names = names(m.up() + "\n" + m.down());
        CatalogDigest before = CatalogDigest.read(c, names, excluded);
        section.run("up", SqlScript.statements(m.up(), m.upLine()));
        try (Statement s = c.createStatement()) {
            s.execute("SAVEPOINT " + SAVEPOINT);
        }
        section.run("down, run to prove the migration", SqlScript.statements(m.down(), m.downLine()));
        CatalogDigest after = CatalogDigest.read(c, names, excluded);
        if (!after.equals(before)) {
            List<String> returned = CatalogDigest.facts(c, names, excluded);
            c.rollback();
            List<String> started = CatalogDigest.facts(c, names, excluded);
            throw new MigrationFailedException(m, "down", new SqlStatement("-- the down section as a whole", m.downLine()),
                    "the down section does not return the schema the migration started from, so the migration is not applied."
                            + " Different after up and down:\n    " + String.join("\n    ", CatalogDigest.differences(started, returned, 10)),
                    null);
        }
        try (Statement s = c.createStatement()) {
            s.execute("ROLLBACK TO SAVEPOINT " + SAVEPOINT);
            s.execute("RELEASE SAVEPOINT " + SAVEPOINT);
        }
    }

    /** Every identifier the SQL could name: quoted ones as written, bare ones folded to lower case (keywords too; they only widen the read). */
    static Set<String> names(String sql) {
        Set<String> names = new TreeSet<>();
        Matcher m = NAME.matcher(sql);
        while (m.find()) {
            names.add(Identifiers.fromSql(m.group()));
        }
        return names;
    }
}
