package io.migratewatch.cli;

import io.migratewatch.ExitCode;
import io.migratewatch.workflow.DiffModels;
import io.migratewatch.workflow.Drift;
import io.migratewatch.workflow.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "diff", description = "Print the changes between the models and the database; writes nothing. Exit 1 when there are changes."
        + " --drift: the changes made to the database by hand instead.")
final class DiffCommand implements Callable<Integer> {

    @ParentCommand
    MigrateWatchCommand root;

    @Option(names = "--drift", description = "compare the live schema with the schema the applied migrations produce instead")
    boolean drift;

    @Override
    public Integer call() {
        try (Project project = root.project()) {
            if (drift) {
                return drift(project);
            }
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

    private int drift(Project project) {
        Drift.Found found = new Drift(project).list();
        if (found.changes().isEmpty()) {
            root.out.println("No drift: the live schema is what the applied migrations produce.");
            return ExitCode.OK;
        }
        int n = found.changes().size();
        root.out.println("DRIFT: the live schema differs from the schema the migrations produce (" + n
                + (n == 1 ? " difference" : " differences") + "):");
        found.changes().forEach(c -> root.out.println("-- " + c.describe()));
        root.out.println();
        root.out.println(found.upSql());
        root.out.println("-- keep it: migrate-watch generate --from-drift \"DESCRIPTION\" (recorded as applied here);"
                + " undo it: apply the reverse by hand");
        return ExitCode.PROBLEMS_FOUND;
    }
}
