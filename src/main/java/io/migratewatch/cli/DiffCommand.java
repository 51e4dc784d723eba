package io.migratewatch.cli;

import io.migratewatch.ExitCode;
import io.migratewatch.workflow.DiffModels;
import io.migratewatch.workflow.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "diff", description = "Print the changes between the models and the database; writes nothing. Exit 1 when there are changes.")
final class DiffCommand implements Callable<Integer> {

    @ParentCommand
    MigrateWatchCommand root;

    @Override
    public Integer call() {
        try (Project project = root.project()) {
            // what is left out of the models is said first, before the database is even opened
            DiffModels.Result result = new DiffModels(project).run(model -> Printing.warnings(root, model.warnings()));
            if (result.diff().isEmpty()) {
                root.out.println(Printing.noChanges(result.coverage(), "No changes: the database matches the models."));
                return ExitCode.OK;
            }
            String notMigrated = Printing.notMigrated(result.coverage());
            if (notMigrated != null) {
                root.out.println("-- not in these changes: " + notMigrated);
            }
            result.diff().changes().forEach(c -> root.out.println("-- " + (c.canLoseData() ? "! " : "") + c.describe()));
            result.diff().possibleRenames().forEach(r -> root.out.println("-- ? possible rename: " + r.option()));
            root.out.println();
            root.out.println(result.upSql());
            return ExitCode.PROBLEMS_FOUND;
        }
    }
}
