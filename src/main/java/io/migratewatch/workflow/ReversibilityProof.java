package io.migratewatch.workflow;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;
import io.migratewatch.diff.Change;
import io.migratewatch.diff.SchemaDiff;
import io.migratewatch.diff.TouchedTables;
import io.migratewatch.migration.MigrationFile;
import io.migratewatch.migration.SqlScript;
import io.migratewatch.migration.SqlStatement;
import io.migratewatch.schema.Schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Plans a migration and proves it before it is applied for real: inside one transaction that is
 * always rolled back, the up section must reach the wanted schema and the down section must return
 * the schema it started from.
 */
final class ReversibilityProof {

    private final Project project;

    ReversibilityProof(Project project) {
        this.project = project;
    }

    /**
     * @param undoFirst a migration whose down section runs first (the one being folded into), or null
     * @param plan      the changes from the start schema (read inside the transaction) to the wanted one
     * @param unmanaged tables the models leave out, ignored in the comparison
     * @param known the schema the database has now, when the caller just read it (saves reading it again;
     *              only used when nothing is undone first), or null
     */
    ProvenMigration prove(Connection c, MigrationFile undoFirst, Schema known, Function<Schema, SchemaDiff.Result> plan, Schema want,
                 Collection<String> unmanaged) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            if (undoFirst != null) {
                run(c, undoFirst.down(), "down section of " + undoFirst.fileName());
            }
            Schema start = (undoFirst == null && known != null ? known : project.inspect(c)).without(unmanaged);
            SchemaDiff.Result diff = plan.apply(start);
            String up = project.renderer().script(diff.changes());
            String down = project.renderer().script(diff.reversed());
            if (diff.isEmpty()) {
                return new ProvenMigration(diff, up, down);
            }
            // the sections touch only these tables: reading just them keeps the proof's cost flat in the schema's size
            Set<String> touched = TouchedTables.of(diff.changes());
            run(c, up, "up section");
            SchemaDiff.Result left = SchemaDiff.between(project.inspect(c, touched), want.without(unmanaged).only(touched));
            if (!left.isEmpty()) {
                throw new MigrateWatchException(ExitCode.MIGRATION_FAILED, "the generated up section does not reach the models' schema; still different: "
                        + describe(left) + ". Nothing was applied.");
            }
            run(c, down, "down section");
            SchemaDiff.Result back = SchemaDiff.between(project.inspect(c, touched), start.only(touched));
            if (!back.isEmpty()) {
                throw new MigrateWatchException(ExitCode.MIGRATION_FAILED, "the generated down section does not return the schema it started from; different: "
                        + describe(back) + ". Nothing was applied.");
            }
            return new ProvenMigration(diff, up, down);
        } finally {
            c.rollback();
            c.setAutoCommit(autoCommit);
        }
    }

    private static String describe(SchemaDiff.Result diff) {
        return diff.changes().stream().map(Change::describe).collect(Collectors.joining(", "));
    }

    private static void run(Connection c, String sql, String what) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (SqlStatement st : SqlScript.statements(sql, 1)) {
                try {
                    s.execute(st.sql());
                } catch (SQLException e) {
                    throw new MigrateWatchException(ExitCode.MIGRATION_FAILED, "proving the migration failed in its " + what + ": "
                            + st.sql().lines().findFirst().orElse("") + " — " + e.getMessage() + ". Nothing was applied.", e);
                }
            }
        }
    }
}
