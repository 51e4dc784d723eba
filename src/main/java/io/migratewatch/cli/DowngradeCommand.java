package io.migratewatch.cli;

import io.migratewatch.ExitCode;
import io.migratewatch.diff.DataLoss;
import io.migratewatch.workflow.Downgrade;
import io.migratewatch.workflow.Project;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.Console;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "downgrade", description = "Run down sections, newest first.")
final class DowngradeCommand implements Callable<Integer> {

    @ParentCommand
    MigrateWatchCommand root;

    static final class Target {
        @Option(names = "--steps", paramLabel = "N", description = "how many applied migrations to undo")
        Integer steps;

        @Option(names = "--to", paramLabel = "REV", description = "undo everything after REV; 'base' undoes all")
        String to;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--sql", description = "print the SQL instead of running it")
    boolean sql;

    @Option(names = "--no-backup", description = "do not back up before reverting (backup.enabled = false does so always)")
    boolean noBackup;

    @Option(names = "--allow-destructive", description = "revert even when a down section drops values (asked on a terminal otherwise)")
    boolean allowDestructive;

    @Option(names = "--yes", description = "confirm (needed in production)")
    boolean yes;

    @Override
    public Integer call() {
        try (Project project = root.project()) {
            if (!sql) {
                ProductionGuard.confirm(project.settings(), yes, "downgrade "
                        + (target.steps != null ? "--steps " + target.steps : "--to " + target.to));
            }
            var request = new Downgrade.Request(target.steps == null ? 0 : target.steps, target.to, sql, allowDestructive);
            Printing.steps(root, new Downgrade(project, Printing.backupStep(root, project, "downgrade", noBackup), this::confirm)
                    .run(request), "Reverted", "Nothing to revert.");
            return ExitCode.OK;
        }
    }

    /** On a terminal, the user may accept the loss there; without one, only --allow-destructive does. */
    private boolean confirm(List<DataLoss> losses, String retry) {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        root.out.println("This downgrade would lose data:");
        losses.forEach(loss -> root.out.println("  - " + loss.explanation()));
        String answer = console.readLine("Type yes to drop them: ");
        return answer != null && answer.trim().toLowerCase(Locale.ROOT).equals("yes");
    }
}
