package io.migratewatch.workflow;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;
import io.migratewatch.diff.SchemaDiff;
import io.migratewatch.migration.MigrationFile;
import io.migratewatch.migration.SqlScript;
import io.migratewatch.migration.SqlStatement;
import io.migratewatch.schema.Schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Proves a migration before it is applied for real: inside a transaction that is always rolled
 * back, the up section must reach the wanted schema and the down section must return the schema
 * it started from.
 */
final class ReversibilityProof {

    private final Project project;

    ReversibilityProof(Project project) {
        this.project = project;
    }

    /**
     * @param undoFirst a migration whose down section runs first (the one being folded into), or null
     * @param unmanaged tables the models leave out, ignored in the comparison
     */
    void prove(Connection c, MigrationFile undoFirst, String up, String down, Schema want, Collection<String> unmanaged) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            if (undoFirst != null) {
                run(c, undoFirst.down(), "down of " + undoFirst.fileName());
            }
            Schema start = project.inspect(c).without(unmanaged);
            run(c, up, "up");
            Schema reached = project.inspect(c).without(unmanaged);
            SchemaDiff.Result left = SchemaDiff.between(reached, want.without(unmanaged));
            if (!left.isEmpty()) {
                throw new MigrateWatchException(ExitCode.MIGRATION_FAILED, "the generated up section does not reach the models' schema; still different: "
                        + left.changes().stream().map(ch -> ch.describe()).collect(Collectors.joining(", ")) + ". Nothing was applied.");
            }
            run(c, down, "down");
            Schema back = project.inspect(c).without(unmanaged);
            SchemaDiff.Result diff = SchemaDiff.between(back, start);
            if (!diff.isEmpty()) {
                throw new MigrateWatchException(ExitCode.MIGRATION_FAILED, "the generated down section does not return the schema it started from; different: "
                        + diff.changes().stream().map(ch -> ch.describe()).collect(Collectors.joining(", ")) + ". Nothing was applied.");
            }
        } finally {
            c.rollback();
            c.setAutoCommit(autoCommit);
        }
    }

    private static void run(Connection c, String sql, String what) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (SqlStatement st : SqlScript.statements(sql, 1)) {
                try {
                    s.execute(st.sql());
                } catch (SQLException e) {
                    throw new MigrateWatchException(ExitCode.MIGRATION_FAILED, "proving the migration failed in its " + what + " section: "
                            + st.sql().lines().findFirst().orElse("") + " — " + e.getMessage() + ". Nothing was applied.", e);
                }
            }
        }
    }
}
