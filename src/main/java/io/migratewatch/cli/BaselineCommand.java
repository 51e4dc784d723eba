package io.migratewatch.cli;

import io.migratewatch.ExitCode;
import io.migratewatch.diff.Change;
import io.migratewatch.diff.DataLoss;
import io.migratewatch.workflow.Baseline;
import io.migratewatch.workflow.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "baseline", description = "Adopt an existing database: write its schema as the first migration, record it as"
        + " applied without running it, and show what the models would change.")
final class BaselineCommand implements Callable<Integer> {

    @ParentCommand
    MigrateWatchCommand root;

    @Parameters(paramLabel = "DESCRIPTION", description = "e.g. \"existing schema\"")
    String description;

    @Override
    public Integer call() {
        try (Project project = root.project()) {
            Baseline.Result r = new Baseline(project).run(description);
            root.out.println("Baseline " + project.display(r.file().path()) + " (revision " + r.file().revision() + "): "
                    + DataLoss.count(r.tables(), "table") + ", " + DataLoss.count(r.sequences(), "sequence") + ", recorded as applied without running it");
            if (r.modelChanges() == null) {
                root.err.println("⚠ the models could not be compared with it: " + r.modelError());
                return ExitCode.OK;
            }
            Printing.warnings(root, r.modelWarnings());
            if (r.modelChanges().isEmpty()) {
                root.out.println(Printing.noChanges(r.coverage(), "The models match it: nothing to generate."));
                return ExitCode.OK;
            }
            int n = r.modelChanges().size();
            root.out.println("The models differ from it (" + n + (n == 1 ? " change" : " changes") + "); the next generate writes them:");
            for (Change c : r.modelChanges()) {
                root.out.println("  " + (c.canLoseData() ? "! " : "+ ") + c.describe());
            }
            root.out.println("Review them, then run: migrate-watch generate \"DESCRIPTION\"");
            return ExitCode.OK;
        }
    }
}
