package io.migratewatch.cli;

import io.migratewatch.ExitCode;
import io.migratewatch.backup.BackupFile;
import io.migratewatch.backup.Manifest;
import io.migratewatch.backup.Sizes;
import io.migratewatch.workflow.ListBackups;
import io.migratewatch.workflow.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "backups", description = "List the backups, newest first: file, time, size, revision, engine, tables and rows.")
final class DbBackupsCommand implements Callable<Integer> {

    @ParentCommand
    DbCommand db;

    @Override
    public Integer call() {
        MigrateWatchCommand root = db.root;
        try (Project project = root.project()) {
            ListBackups.Listing listing = new ListBackups(project).run();
            if (listing.backups().isEmpty()) {
                root.out.println("No backups in " + listing.folder() + " yet (take one with migrate-watch db backup).");
                return ExitCode.OK;
            }
            root.out.println("BACKUPS in " + listing.folder() + " (newest first; the " + listing.keep() + " newest are kept)");
            String format = "%-2s%-30s %-19s %9s  %-12s  %-8s %6s %12s%n";
            root.out.printf(format, "", "FILE", "TIME (UTC)", "SIZE", "REVISION", "ENGINE", "TABLES", "ROWS");
            for (BackupFile f : listing.backups()) {
                String mark = listing.isLatest(f) ? "*" : "";
                Manifest m = f.manifest();
                if (m == null) {
                    root.out.printf("%-2s%-30s %-19s %9s  ✗ %s%n", mark, f.fileName(), HistoryCommand.TIME.format(f.created()),
                            Sizes.bytes(f.fileSize()), f.problem());
                    continue;
                }
                root.out.printf(format, mark, f.fileName(), HistoryCommand.TIME.format(m.created()), Sizes.bytes(f.fileSize()),
                        m.revision() == null ? "(none)" : m.revision(), m.engine(), m.tables().size(), Sizes.count(m.rows()));
                if (!f.valid()) {
                    root.out.println("    ✗ " + f.problem());
                }
            }
            if (listing.latest() != null) {
                root.out.println("* latest: " + listing.folder() + "/latest.sql — restore with migrate-watch db restore latest");
            }
            return ExitCode.OK;
        }
    }
}
