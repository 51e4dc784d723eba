package io.migratewatch.cli;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;
import io.migratewatch.backup.BackupFile;
import io.migratewatch.backup.Manifest;
import io.migratewatch.diff.DataLoss;
import io.migratewatch.workflow.Project;
import io.migratewatch.workflow.RestoreBackup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.Console;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "restore", description = "Restore a backup: schema, data and history exactly as they were. "
        + "Takes a safety backup of the current state first.")
final class DbRestoreCommand implements Callable<Integer> {

    @ParentCommand
    DbCommand db;

    @Parameters(paramLabel = "latest|FILE", description = "latest, or a backup file (a path, or a name in backup.dir)")
    String what;

    @Option(names = "--yes", description = "do not ask for confirmation (needed without a terminal, and in production)")
    boolean yes;

    @Override
    public Integer call() {
        MigrateWatchCommand root = db.root;
        try (Project project = root.project()) {
            RestoreBackup restore = new RestoreBackup(project);
            Path file = restore.resolve(what, root.workingDir);
            String shown = restore.display(file);
            // in production a typed yes on a terminal is not enough: as for downgrade and stamp, only --yes goes on
            ProductionGuard.confirm(project.settings(), yes, "db restore " + what);
            if (!yes) {
                Console console = System.console();
                if (console == null) {
                    throw new MigrateWatchException(ExitCode.BAD_INPUT, "refusing to restore " + shown + " without confirmation:"
                            + " there is no terminal to ask on. Nothing was changed.\n  Run it again with --yes: migrate-watch db restore "
                            + what + " --yes");
                }
                BackupFile backup = BackupFile.inspect(file);
                String schema = project.settings().database().schema();
                Manifest m = backup.manifest();
                String about = m == null ? "" : " (taken " + HistoryCommand.TIME.format(m.created()) + " UTC at revision "
                        + (m.revision() == null ? "(none)" : m.revision()) + "; " + DataLoss.count(m.tables().size(), "table") + ", " + DataLoss.count(m.rows(), "row") + ")";
                root.out.println("Restore " + shown + about + "?");
                root.out.println("Schema " + schema + " of " + project.database().url().redacted() + " becomes exactly what the backup holds;"
                        + " a safety backup of the current state is taken first.");
                String answer = console.readLine("Type yes to restore: ");
                if (answer == null || !answer.trim().toLowerCase(Locale.ROOT).equals("yes")) {
                    root.out.println("Nothing was restored.");
                    return ExitCode.PROBLEMS_FOUND;
                }
            }
            RestoreBackup.Result r = restore.run(file, ProgressBar.forCommand(root));
            root.out.println("Safety backup of the state before the restore: " + r.safety()
                    + "  (to undo this restore: migrate-watch db restore " + r.safety() + ")");
            root.out.println("✓ Restored " + r.restored() + " in " + r.millis() + " ms: " + DataLoss.count(r.manifest().tables().size(), "table")
                    + " and " + DataLoss.count(r.manifest().rows(), "row") + " verified; the database is at revision "
                    + (r.revision() == null ? "(none)" : r.revision()));
            return ExitCode.OK;
        }
    }
}
