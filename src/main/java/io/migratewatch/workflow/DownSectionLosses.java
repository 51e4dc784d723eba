package io.migratewatch.workflow;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;
import io.migratewatch.db.LockTable;
import io.migratewatch.diff.DataLoss;
import io.migratewatch.diff.SchemaDiff;
import io.migratewatch.introspect.CatalogIdentities;
import io.migratewatch.introspect.DataProbe;
import io.migratewatch.migration.MigrationFailedException;
import io.migratewatch.migration.MigrationFile;
import io.migratewatch.migration.SqlScript;
import io.migratewatch.migration.SqlStatement;
import io.migratewatch.migration.StepProgress;
import io.migratewatch.schema.Schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What the down sections of a downgrade would drop, measured on the live database with the same
 * check as {@code generate}: a down section is SQL text, so each one runs inside a transaction that
 * is always rolled back, the schema is read before and after it, and the difference (renames told
 * apart by the catalog's own identities) gives the changes whose loss is counted on the data as it
 * is just before that section runs.
 */
final class DownSectionLosses {

    private final Project project;

    DownSectionLosses(Project project) {
        this.project = project;
    }

    /**
     * @param newestFirst the migrations to revert, in the order their down sections run
     * @return each loss, its explanation prefixed with the migration's file when there are several
     * @throws MigrationFailedException when a down section fails (nothing is reverted then)
     */
    List<DataLoss> measure(Connection c, List<MigrationFile> newestFirst) throws SQLException {
        String schema = project.settings().database().schema();
        String history = project.settings().migrations().historyTable();
        if (!DataProbe.hasAnyRows(c, schema, history)
                && !DataProbe.anySequenceUsed(c, schema, List.of(history, StepProgress.tableName(history)))) {
            // nothing to lose, and a long chain of down sections (a large model in parts) need not run in one transaction
            return List.of();
        }
        LiveDatabase live = new LiveDatabase(c, schema);
        List<DataLoss> losses = new ArrayList<>();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            for (int i = 0; i < newestFirst.size(); i++) {
                MigrationFile m = newestFirst.get(i);
                Savepoint before = c.setSavepoint();
                Schema start = project.inspect(c);
                CatalogIdentities startIds = CatalogIdentities.read(c, schema);
                runDown(c, m);
                SchemaDiff.Result changes = SchemaDiff.between(start, project.inspect(c),
                        startIds.renamesTo(CatalogIdentities.read(c, schema)));
                // counted on the data as it is before this down section, then on to the next one
                c.rollback(before);
                for (DataLoss loss : changes.losses(live)) {
                    losses.add(newestFirst.size() == 1 ? loss
                            : new DataLoss(loss.change(), loss.values(), loss.explanation() + " in " + m.fileName()));
                }
                if (i < newestFirst.size() - 1) {
                    runDown(c, m);
                }
            }
            return losses;
        } catch (MigrationFailedException e) {
            if (LockTable.isFull(e)) {
                throw new MigrateWatchException(ExitCode.PROBLEMS_FOUND, "the down sections of these " + newestFirst.size()
                        + " migrations, run in one transaction to count the data they would lose, need more locks than the server's"
                        + " lock table holds; nothing was reverted. Go back in smaller steps (migrate-watch downgrade --steps N),"
                        + " or, having read what they drop, add --allow-destructive", e);
            }
            throw e;
        } finally {
            c.rollback();
            c.setAutoCommit(autoCommit);
        }
    }

    private static void runDown(Connection c, MigrationFile m) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (SqlStatement st : SqlScript.statements(m.down(), m.downLine())) {
                try {
                    s.execute(st.sql());
                } catch (SQLException e) {
                    throw new MigrationFailedException(m, "down", st, e.getMessage(), e);
                }
            }
        }
    }
}
