package io.migratewatch.workflow;

import io.migratewatch.diff.SchemaDiff;
import io.migratewatch.migration.MigrationFile;
import io.migratewatch.migration.MigrationState;
import io.migratewatch.schema.Schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * Drift: how the live schema differs from the schema its applied migrations produce (someone changed the database by
 * hand). The applied migrations are replayed into a scratch database beside the live one; pending ones do not count.
 * The result's changes lead from the migrations' schema to the live one, so they are the migration that records the
 * hand-made change.
 */
final class SchemaDrift {

    private final Project project;

    SchemaDrift(Project project) {
        this.project = project;
    }

    /**
     * @param c a connection to the live database
     * @throws SQLException               when no scratch database can be created (the role may not create databases)
     * @throws ReplaySchema.ReplayFailed  when an applied migration does not replay
     */
    SchemaDiff.Result between(Connection c, MigrationState state, Schema live) throws SQLException {
        Set<String> applied = state.appliedRevisions();
        List<MigrationFile> files = state.graph().ordered().stream().filter(f -> applied.contains(f.revision())).toList();
        ReplaySchema replay = new ReplaySchema(project);
        // kept between runs: the live schema, read afresh by the caller, is what shows a change made by hand
        Schema migrated = replay.kept(ReplaySchema.version(c), files, () -> replay.replay(project.database(), files));
        return SchemaDiff.between(migrated, live);
    }
}
