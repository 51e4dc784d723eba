package io.migratewatch.cli;

import io.migratewatch.ExitCode;
import io.migratewatch.workflow.Check;
import io.migratewatch.workflow.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "check", description = "The CI gate: exit 0 only when the migration files are valid, the models match the head"
        + " schema and the database (when configured and reachable) is at head with no drift.")
final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    MigrateWatchCommand root;

    @Option(names = "--offline", description = "leave the configured database alone: replay the migrations into the embedded PostgreSQL")
    boolean offline;

    @Override
    public Integer call() {
        try (Project project = root.project()) {
            Check.Result result = new Check(project).run(offline);
            result.notes().forEach(n -> root.out.println("  " + n));
            if (result.passed()) {
                root.out.println("check passed");
                return ExitCode.OK;
            }
            result.problems().forEach(root.out::println);
            long count = result.problems().stream().filter(p -> !p.startsWith("  ")).count();
            root.err.println("check failed: " + count + (count == 1 ? " problem" : " problems"));
            return ExitCode.PROBLEMS_FOUND;
        }
    }
}
