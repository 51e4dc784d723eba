package io.migratewatch.workflow;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;
import io.migratewatch.db.DatabaseErrors;
import io.migratewatch.diff.SchemaDiff;
import io.migratewatch.schema.Renames;
import io.migratewatch.source.ParsedModel;
import io.migratewatch.source.SourceProblem;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** {@code diff}: the changes between the models and the database, and their SQL; writes nothing. */
public final class DiffModels {

    public record Result(SchemaDiff.Result diff, String upSql, List<SourceProblem> warnings) {
    }

    private final Project project;

    public DiffModels(Project project) {
        this.project = project;
    }

    public Result run() {
        ParsedModel model = project.models();
        try (Connection c = project.connect()) {
            SchemaDiff.Result diff = project.compare(c, model, Renames.NONE);
            return new Result(diff, project.renderer().script(diff.changes()), model.warnings());
        } catch (SQLException e) {
            throw DatabaseErrors.whileReading("comparing the models with the database", e);
        }
    }
}
