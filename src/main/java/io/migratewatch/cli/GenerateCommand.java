package io.migratewatch.cli;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;
import io.migratewatch.diff.Change;
import io.migratewatch.diff.PossibleRename;
import io.migratewatch.migration.MigrationFile;
import io.migratewatch.schema.Renames;
import io.migratewatch.workflow.Drift;
import io.migratewatch.workflow.Generate;
import io.migratewatch.workflow.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "generate", description = "Diff the models against the database (at head) and write a migration file.")
final class GenerateCommand implements Callable<Integer> {

    @ParentCommand
    MigrateWatchCommand root;

    @Parameters(paramLabel = "DESCRIPTION", description = "what the migration does, e.g. \"add user email\"")
    String description;

    @Option(names = "--rename", paramLabel = "TABLE.OLD=NEW", description = "a column (TABLE.OLD=NEW) or table (OLD=NEW) that was renamed, keeping its data")
    List<String> renames = List.of();

    @Option(names = "--allow-destructive", description = "write the migration even when it drops data")
    boolean allowDestructive;

    @Option(names = "--empty", description = "write an empty migration to fill in by hand")
    boolean empty;

    @Option(names = "--from-drift", description = "write the changes made to the database by hand as a migration, recorded as"
            + " applied here (see diff --drift)")
    boolean fromDrift;

    @Override
    public Integer call() {
        try (Project project = root.project()) {
            ProductionGuard.refuse(project.settings(), "generate");
            if (fromDrift) {
                return fromDrift(project);
            }
            // what is left out of the models is said first, before the database is even opened
            Generate.Result result = new Generate(project).run(
                    new Generate.Request(description, parseRenames(renames), allowDestructive, empty),
                    model -> Printing.warnings(root, model.warnings()));
            if (result.file() == null) {
                root.out.println(Printing.noChanges(result.coverage(), "No changes detected: the database matches the models."));
                return ExitCode.OK;
            }
            if (result.files().size() > 1) {
                root.out.println("These changes need more locks than one transaction may take on this server, so they are "
                        + result.files().size() + " migrations that apply one after another, each whole or not at all:");
            }
            for (MigrationFile file : result.files()) {
                root.out.println("Generated " + project.settings().baseDir().relativize(file.path().toAbsolutePath())
                        + " (revision " + file.revision() + ")");
            }
            for (Change c : result.changes()) {
                root.out.println("  " + (c.canLoseData() ? "! " : "+ ") + c.describe());
            }
            for (PossibleRename r : result.possibleRenames()) {
                root.out.println("  ? " + r.table() + "." + r.from() + " → " + r.to() + " may be a rename: " + r.option());
            }
            String notMigrated = Printing.notMigrated(result.coverage());
            if (notMigrated != null) {
                root.out.println("Not in this migration: " + notMigrated);
            }
            root.out.println("Review it, then run: migrate-watch upgrade");
            return ExitCode.OK;
        }
    }

    private int fromDrift(Project project) {
        if (empty || allowDestructive || !renames.isEmpty()) {
            throw new MigrateWatchException(ExitCode.BAD_INPUT, "--from-drift takes only a description:"
                    + " the migration is what the database already holds");
        }
        Drift.Recorded recorded = new Drift(project).generate(description);
        MigrationFile file = recorded.file();
        if (file == null) {
            root.out.println("No drift: the live schema is what the applied migrations produce. Nothing was written.");
            return ExitCode.OK;
        }
        root.out.println("Generated " + project.display(file.path()) + " (revision " + file.revision() + ") from drift,"
                + " recorded as applied here without running it:");
        recorded.changes().forEach(c -> root.out.println("  + " + c.describe()));
        root.out.println("Review it and commit it: other databases apply it with migrate-watch upgrade (or deploy)");
        return ExitCode.OK;
    }

    static Renames parseRenames(List<String> options) {
        Map<String, String> tables = new HashMap<>();
        Map<String, Map<String, String>> columns = new HashMap<>();
        for (String option : options) {
            int eq = option.indexOf('=');
            if (eq <= 0 || eq == option.length() - 1) {
                throw new MigrateWatchException(ExitCode.BAD_INPUT, "--rename " + option + ": expected TABLE.OLD=NEW (a column) or OLD=NEW (a table)");
            }
            String left = option.substring(0, eq);
            String to = option.substring(eq + 1);
            int dot = left.lastIndexOf('.');
            if (dot < 0) {
                tables.put(to, left);
            } else {
                String table = left.substring(0, dot);
                String from = left.substring(dot + 1);
                if (to.contains(".")) {
                    to = to.substring(to.lastIndexOf('.') + 1);
                }
                columns.computeIfAbsent(table, k -> new HashMap<>()).put(to, from);
            }
        }
        return new Renames(tables, columns);
    }
}
