package io.migratewatch.cli;

import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import io.migratewatch.ExitCode;
import io.migratewatch.workflow.Deploy;
import io.migratewatch.workflow.SchemaDeploys;
import io.migratewatch.workflow.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "deploy", description = "Check the committed migrations, back up, upgrade to head and verify: the release command"
        + " of a production deploy. Never generates a migration.")
final class DeployCommand implements Callable<Integer> {

    @ParentCommand
    MigrateWatchCommand root;

    @Option(names = "--dry-run", description = "check, then print what would be done and the SQL; changes nothing")
    boolean dryRun;

    @Option(names = "--allow-rewrite", description = "in production, apply migrations that rewrite a table holding data"
            + " (a type change, a volatile default): the table is locked while it is copied")
    boolean allowRewrite;

    @Option(names = "--json", description = "print the summary as JSON")
    boolean json;

    @Option(names = "--schemas", paramLabel = "PATTERN", description = "deploy to every schema of the database whose name matches"
            + " the glob (* any characters, ? one, [a-z] one of), deploy.parallelism at a time")
    String schemas;

    @Option(names = "--schemas-from", paramLabel = "FILE", description = "deploy to the schemas FILE lists, one a line")
    Path schemasFrom;

    @Override
    public Integer call() {
        if (schemas != null && schemasFrom != null) {
            root.err.println("deploy takes --schemas or --schemas-from, not both. Nothing was applied.");
            return ExitCode.BAD_INPUT;
        }
        // in JSON, stdout is the document alone: progress (a retry, the embedded server) goes to stderr
        try (Project project = json ? root.project(line -> root.err.println(line)) : root.project()) {
            if (schemas != null || schemasFrom != null) {
                SchemaDeploys.Choice choice = schemas != null ? new SchemaDeploys.Matching(schemas)
                        : new SchemaDeploys.ListedIn(root.workingDir.resolve(schemasFrom));
                if (!json) {
                    root.out.println("migrate-watch deploy" + (dryRun ? " --dry-run" : "") + " to several schemas: "
                            + project.settings().environment().name() + " (" + project.settings().environment().source() + ")");
                }
                SchemaDeploys.Report report = new SchemaDeploys(project).allowRewrites(allowRewrite).run(choice, dryRun);
                if (json) {
                    root.out.println(SchemaDeploysOutput.json(report));
                } else {
                    SchemaDeploysOutput.print(report, root.out, root.err);
                }
                return report.exitCode();
            }
            Deploy.Report report = new Deploy(project).allowRewrites(allowRewrite).run(dryRun);
            if (json) {
                root.out.println(json(report));
            } else {
                print(report);
            }
            return report.exitCode();
        }
    }

    private void print(Deploy.Report r) {
        PrintStream o = root.out;
        o.println("migrate-watch deploy" + (r.dryRun() ? " --dry-run" : "") + ": " + r.environment());
        o.println("Database: " + r.database());
        int n = Deploy.Step.values().length;
        for (Deploy.StepReport s : r.steps()) {
            o.printf("[%d/%d] %-8s %-8s %s%n", s.step().ordinal() + 1, n, s.step().label(), s.outcome().name(), s.summary());
            for (String line : s.lines()) {
                o.println("                    " + line);
            }
        }
        if (r.dryRun() && r.ok()) {
            if (r.sql() != null && !r.sql().isBlank()) {
                o.println("SQL it would run:");
                o.println(r.sql());
            }
            o.println("DRY RUN: nothing was changed");
            return;
        }
        if (r.ok()) {
            o.println("DEPLOYED " + (r.head() == null ? "(none)" : r.head()) + (r.applied().isEmpty() ? " (already at head)"
                    : " (from " + (r.from() == null ? "an empty history" : r.from()) + ")") + " in " + r.millis() + " ms");
            return;
        }
        PrintStream e = root.err;
        e.println("DEPLOY FAILED at step " + (r.failed().ordinal() + 1) + "/" + n + " " + r.failed().label() + " (exit " + r.exitCode() + ")");
        if (!r.applied().isEmpty()) {
            e.println("  Applied before the failure (they stay applied): "
                    + String.join(", ", r.applied().stream().map(Deploy.Applied::file).toList()));
        }
        if (r.backup() != null) {
            e.println("  Backup taken before the upgrade: " + r.backup());
            e.println("  To restore it: " + r.restore());
        } else if (r.failed().ordinal() > Deploy.Step.BACKUP.ordinal()) {
            e.println("  No backup was taken (see the backup line above).");
        } else {
            e.println("  Nothing was applied.");
        }
    }

    static String json(Deploy.Report r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", r.ok());
        m.put("dryRun", r.dryRun());
        m.put("environment", r.environment());
        m.put("database", r.database());
        m.put("from", r.from());
        m.put("head", r.head());
        List<Map<String, Object>> steps = r.steps().stream().map(s -> {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("step", s.step().label());
            step.put("outcome", s.outcome().name().toLowerCase(java.util.Locale.ROOT));
            step.put("summary", s.summary());
            step.put("details", s.lines());
            return step;
        }).toList();
        m.put("steps", steps);
        m.put("applied", r.applied().stream().map(a -> Map.<String, Object>of("file", a.file(), "revision", a.revision(),
                "millis", a.millis())).toList());
        m.put("attempts", r.attempts());
        m.put("backup", r.backup());
        m.put("failedStep", r.failed() == null ? null : r.failed().label());
        m.put("error", r.error());
        m.put("restoreCommand", r.restore());
        m.put("exitCode", r.exitCode());
        m.put("sql", r.sql());
        m.put("millis", r.millis());
        return ConfigValueFactory.fromMap(m).render(ConfigRenderOptions.concise().setJson(true));
    }
}
