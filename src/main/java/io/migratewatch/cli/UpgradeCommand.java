package io.migratewatch.cli;

import io.migratewatch.ExitCode;
import io.migratewatch.workflow.Project;
import io.migratewatch.workflow.Upgrade;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "upgrade", description = "Apply pending migrations up to TARGET (default: head).")
final class UpgradeCommand implements Callable<Integer> {

    @ParentCommand
    MigrateWatchCommand root;

    @Parameters(paramLabel = "TARGET", arity = "0..1", defaultValue = "head", description = "a revision (or prefix), or head")
    String target;

    @Option(names = "--sql", description = "print the SQL instead of running it")
    boolean sql;

    @Option(names = "--no-backup", description = "do not back up before applying (backup.enabled = false does so always)")
    boolean noBackup;

    @Option(names = "--allow-rewrite", description = "in production, apply migrations that rewrite a table holding data")
    boolean allowRewrite;

    @Override
    public Integer call() {
        try (Project project = root.project()) {
            Upgrade.Result result = new Upgrade(project, Printing.backupStep(root, project, "upgrade", noBackup))
                    .allowRewrites(allowRewrite).run(target, sql);
            int meanwhile = result.appliedMeanwhile();
            Printing.steps(root, result, "Applied", meanwhile == 0 ? "Already at head: nothing to apply."
                    : "Already at head (another process applied " + meanwhile + (meanwhile == 1 ? " migration" : " migrations")
                    + " while this one waited)");
            return ExitCode.OK;
        }
    }
}
