package io.migratewatch.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "db", description = "Take, list and restore backups.",
        subcommands = {DbBackupCommand.class, DbBackupsCommand.class, DbRestoreCommand.class})
final class DbCommand implements Runnable {

    @ParentCommand
    MigrateWatchCommand root;

    @Override
    public void run() {
        new CommandLine(this).usage(root.out);
    }
}
