package io.migratewatch.cli;

import io.migratewatch.ExitCode;
import io.migratewatch.workflow.History;
import io.migratewatch.workflow.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "history", description = "Every migration, newest first, applied or pending.")
final class HistoryCommand implements Callable<Integer> {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @ParentCommand
    MigrateWatchCommand root;

    @Override
    public Integer call() {
        try (Project project = root.project()) {
            List<History.Entry> entries = new History(project).run();
            if (entries.isEmpty()) {
                root.out.println("No migrations yet: run migrate-watch generate \"initial schema\"");
                return ExitCode.OK;
            }
            root.out.printf("%-12s  %-9s  %-19s  %-9s  %s%n", "REVISION", "STATE", "APPLIED (UTC)", "CHECKSUM", "DESCRIPTION");
            for (History.Entry e : entries) {
                String state = e.applied() == null ? "pending" : "applied";
                String when = e.applied() == null ? "-" : TIME.format(e.applied().appliedAt());
                String checksum = switch (e.checksum()) {
                    case OK -> "ok";
                    case CHANGED -> "MISMATCH";
                    case NOT_APPLIED -> "-";
                    case FILE_MISSING -> "NO FILE";
                };
                root.out.printf("%-12s  %-9s  %-19s  %-9s  %s%n", e.revision(), state, when, checksum, e.description());
            }
            return ExitCode.OK;
        }
    }
}
