package io.migratewatch.cli;

import io.migratewatch.ExitCode;
import io.migratewatch.workflow.Project;
import io.migratewatch.workflow.Stamp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "stamp", description = "Record REV and its ancestors as applied (head: every migration; base: none) without running SQL.")
final class StampCommand implements Callable<Integer> {

    @ParentCommand
    MigrateWatchCommand root;

    @Parameters(paramLabel = "REV|head|base", description = "a revision (or prefix), head, or base")
    String target;

    @Option(names = "--yes", description = "confirm (needed in production)")
    boolean yes;

    @Override
    public Integer call() {
        try (Project project = root.project()) {
            ProductionGuard.confirm(project.settings(), yes, "stamp " + target);
            Stamp.Result r = new Stamp(project).run(target);
            r.removed().forEach(rev -> root.out.println("  - " + rev + " no longer recorded as applied"));
            r.recorded().forEach(rev -> root.out.println("  + " + rev + " recorded as applied"));
            root.out.println(r.recorded().isEmpty() && r.removed().isEmpty()
                    ? "The history already says " + r.target() + "; nothing changed. No SQL was run."
                    : "✓ Stamped " + r.target() + ": no SQL was run, only the history changed.");
            return ExitCode.OK;
        }
    }
}
