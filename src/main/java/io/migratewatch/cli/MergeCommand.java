package io.migratewatch.cli;

import io.migratewatch.ExitCode;
import io.migratewatch.diff.Change;
import io.migratewatch.workflow.Merge;
import io.migratewatch.workflow.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "merge", description = "Join several heads (branches that each added a migration) with a merge migration"
        + " whose parents are all of them.")
final class MergeCommand implements Callable<Integer> {

    @ParentCommand
    MigrateWatchCommand root;

    @Parameters(paramLabel = "DESCRIPTION", arity = "0..1", description = "default: \"merge heads 3f4a5b6c and 9b2c1d2e\"")
    String description;

    @Override
    public Integer call() {
        try (Project project = root.project()) {
            Merge.Result r = new Merge(project).run(description);
            root.out.println("Merge " + project.display(r.file().path()) + " (revision " + r.file().revision() + "): parents "
                    + String.join(", ", r.heads()));
            if (r.overlaps().isEmpty()) {
                root.out.println("  The branches change different tables: the merge migration has no SQL.");
            } else {
                r.overlaps().forEach((table, heads) -> root.out.println("  Table " + table + " is changed by "
                        + heads.size() + " branches (" + String.join(", ", heads) + "): they apply one after the other"));
                if (r.note() != null) {
                    root.err.println("⚠ " + r.note());
                } else if (r.reconciled().isEmpty()) {
                    root.out.println("  Together they give what the models say: the merge migration has no SQL.");
                } else {
                    root.out.println("  The merge migration brings them to what the models say:");
                    for (Change c : r.reconciled()) {
                        root.out.println("    " + (c.canLoseData() ? "! " : "+ ") + c.describe());
                    }
                }
            }
            root.out.println("Review it, commit it, then run: migrate-watch upgrade");
            return ExitCode.OK;
        }
    }
}
