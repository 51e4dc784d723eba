package io.migratewatch.workflow;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;
import io.migratewatch.db.DatabaseErrors;
import io.migratewatch.diff.SchemaDiff;
import io.migratewatch.schema.Renames;
import io.migratewatch.source.Coverage;
import io.migratewatch.source.ParsedModel;
import io.migratewatch.source.SourceProblem;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/** {@code diff}: the changes between the models and the database, and their SQL; writes nothing. */
public final class DiffModels {

    /** @param coverage what the models' migrations cover: entities left out, mapping files not read */
    public record Result(SchemaDiff.Result diff, String upSql, List<SourceProblem> warnings, Coverage coverage) {
    }

    private final Project project;

    public DiffModels(Project project) {
        this.project = project;
    }

    public Result run() {
        return run(model -> { });
    }

    /** @param modelRead told the models as soon as they are read, before the database is opened */
    public Result run(Consumer<ParsedModel> modelRead) {
        ParsedModel model = project.models();
        modelRead.accept(model);
        try (Connection c = project.connect()) {
            SchemaDiff.Result diff = project.compare(c, model, Renames.NONE);
            return new Result(diff, project.renderer().script(diff.changes()), model.warnings(), model.coverage());
        } catch (SQLException e) {
            throw DatabaseErrors.whileReading("comparing the models with the database", e);
        }
    }
}
