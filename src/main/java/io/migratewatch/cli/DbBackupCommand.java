package io.migratewatch.cli;

import io.migratewatch.ExitCode;
import io.migratewatch.workflow.Project;
import io.migratewatch.workflow.TakeBackup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "backup", description = "Back the database up now: backups/backup_<UTC time>.sql, and backups/latest.sql.")
final class DbBackupCommand implements Callable<Integer> {

    @ParentCommand
    DbCommand db;

    @Override
    public Integer call() {
        MigrateWatchCommand root = db.root;
        try (Project project = root.project()) {
            TakeBackup.Result r = new TakeBackup(project).run(ProgressBar.forCommand(root));
            root.out.println("✓ Backup written: " + r.display() + " (" + r.file().summary() + ")");
            root.info("  engine: " + r.engine());
            return ExitCode.OK;
        }
    }
}
