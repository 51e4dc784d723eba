package io.migratewatch.workflow;

import io.migratewatch.diff.DataLoss;
import io.migratewatch.diff.SchemaDiff;
import io.migratewatch.migration.MigrationFile;
import io.migratewatch.schema.Renames;
import io.migratewatch.schema.Schema;
import io.migratewatch.source.ParsedModel;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * The one planner behind {@code generate}, the daemon and the checks: models against the live
 * database → changes → hold what would lose data → render → prove (up reaches the models, down
 * returns, in a transaction that is rolled back). Writes nothing and applies nothing.
 */
public final class PlanMigration {

    /**
     * @param renames          renames the user named on top of the models' own {@code // @renamed}
     * @param allowDestructive plan even when data would be lost
     * @param foldInto         the open migration the changes fold into (its file becomes the net change from its
     *                         parent), or null for a new migration
     * @param foldIntoApplied  whether {@code foldInto} is applied: then its down section runs first in the proof
     * @param foldIntoTouches  the tables {@code foldInto}'s sections change, when known from the run that wrote it: only
     *                         those are read again after its down section; null when unknown (the whole schema is)
     */
    public record Request(Renames renames, boolean allowDestructive, MigrationFile foldInto, boolean foldIntoApplied,
                          Set<String> foldIntoTouches) {

        public static Request newMigration(Renames renames, boolean allowDestructive) {
            return new Request(renames, allowDestructive, null, false, null);
        }

        public static Request foldInto(MigrationFile open, boolean applied, Set<String> touches) {
            return new Request(Renames.NONE, false, open, applied, touches);
        }
    }

    private final Project project;

    public PlanMigration(Project project) {
        this.project = project;
    }

    /**
     * @throws ReversibilityProof.TooLargeToFold when folding into {@code request.foldInto()} would make one migration
     *                                           larger than one transaction may lock
     */
    public Plan plan(Connection c, ParsedModel model, Request request) throws SQLException {
        Project.Comparison comparison = project.comparison(c, model, request.renames());
        SchemaDiff.Result changes = comparison.diff();
        if (changes.isEmpty()) {
            return new Plan.NoChanges();
        }
        if (!request.allowDestructive()) {
            List<DataLoss> losses = changes.losses(new LiveDatabase(c, project.settings().database().schema()));
            if (!losses.isEmpty()) {
                return new Plan.NeedsReview(changes, losses);
            }
        }
        Schema want = model.schema().without(model.unmanagedTables());
        ReversibilityProof proof = new ReversibilityProof(project);
        List<ProvenMigration> migrations;
        if (request.foldInto() == null) {
            migrations = proof.prove(c, null, comparison.have(), start -> changes, want, model.unmanagedTables());
        } else {
            // the net change from the open migration's parent: read inside the proof, after its down section
            MigrationFile undoFirst = request.foldIntoApplied() ? request.foldInto() : null;
            migrations = proof.prove(c, undoFirst, request.foldIntoTouches(), comparison.have(),
                    parent -> SchemaDiff.between(parent, want, model.renames()), want, model.unmanagedTables());
        }
        if (request.foldInto() != null && migrations.size() > 1) {
            throw new ReversibilityProof.TooLargeToFold();
        }
        return new Plan.Planned(changes, migrations);
    }
}
