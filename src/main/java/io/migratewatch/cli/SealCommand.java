package io.migratewatch.cli;

import io.migratewatch.ExitCode;
import io.migratewatch.migration.MigrationFile;
import io.migratewatch.workflow.Project;
import io.migratewatch.workflow.Seal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "seal", description = "Finish the migration the daemon is folding changes into; the next change starts a new one.")
final class SealCommand implements Callable<Integer> {

    @ParentCommand
    MigrateWatchCommand root;

    @Parameters(paramLabel = "DESCRIPTION", arity = "0..1", description = "a new description for the sealed migration")
    String description;

    @Override
    public Integer call() {
        try (Project project = root.project()) {
            MigrationFile sealed = new Seal(project).run(description);
            root.out.println("Sealed " + sealed.fileName() + ": the next model change starts a new migration.");
            return ExitCode.OK;
        }
    }
}
