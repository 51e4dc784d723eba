package io.migratewatch.cli;

import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import io.migratewatch.workflow.Deploy;
import io.migratewatch.workflow.SchemaDeploys;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code deploy --schemas} prints: the summary table and each failure's details, or the same as JSON. */
final class SchemaDeploysOutput {

    private SchemaDeploysOutput() {
    }

    static void print(SchemaDeploys.Report r, PrintStream out, PrintStream err) {
        if (r.error() != null) {
            out.println("Database: " + r.database() + (r.selection() == null ? "" : "; " + r.selection()));
            err.println("DEPLOY FAILED before any schema was touched (exit " + r.exitCode() + ")");
            r.error().lines().forEach(l -> err.println("  " + l.strip()));
            return;
        }
        int schemaWidth = Math.max("SCHEMA".length(), r.schemas().stream().mapToInt(s -> s.schema().length()).max().orElse(0));
        int resultWidth = Math.max("RESULT".length(), r.schemas().stream().mapToInt(s -> s.describe().length()).max().orElse(0));
        String format = "%-" + schemaWidth + "s  %-" + resultWidth + "s  %s";
        out.println();
        out.println(String.format(format, "SCHEMA", "RESULT", "DETAIL").stripTrailing());
        for (SchemaDeploys.SchemaReport s : r.schemas()) {
            String detail = s.result() == SchemaDeploys.Result.FAILED ? s.reason()
                    : s.backup() != null ? "backup " + s.backup() : "";
            out.println(String.format(format, s.schema(), s.describe(), detail).stripTrailing());
        }
        out.println();
        int n = r.schemas().size();
        if (r.dryRun()) {
            out.println("DRY RUN: nothing was changed (" + r.count(SchemaDeploys.Result.PLANNED) + " of " + n
                    + " schemas have migrations to apply, head " + r.head() + ")");
        } else if (r.ok()) {
            out.println("DEPLOYED " + r.head() + " to " + n + (n == 1 ? " schema" : " schemas") + " (" + r.count(SchemaDeploys.Result.APPLIED)
                    + " migrated, " + r.count(SchemaDeploys.Result.AT_HEAD) + " already at head) in " + r.millis() + " ms");
        }
        List<SchemaDeploys.SchemaReport> failed = r.failed();
        if (failed.isEmpty()) {
            return;
        }
        int steps = Deploy.Step.values().length;
        for (SchemaDeploys.SchemaReport s : failed) {
            err.println(s.schema() + ": failed at step " + (s.failed().ordinal() + 1) + "/" + steps + " " + s.failed().label()
                    + " (exit " + s.exitCode() + ")");
            s.error().lines().forEach(l -> err.println("  " + l.strip()));
            if (s.count() > 0) {
                err.println("  " + s.count() + (s.count() == 1 ? " migration" : " migrations") + " applied before the failure stay applied");
            }
            if (s.restore() != null) {
                err.println("  Backup taken before the upgrade: " + s.backup());
                err.println("  To restore it: " + s.restore());
            }
        }
        err.println("DEPLOY FAILED for " + failed.size() + " of " + n + " schemas (exit " + r.exitCode() + "): "
                + String.join(", ", failed.stream().map(SchemaDeploys.SchemaReport::schema).toList()) + "; the other "
                + (n - failed.size()) + " are at head " + r.head());
    }

    static String json(SchemaDeploys.Report r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", r.ok());
        m.put("dryRun", r.dryRun());
        m.put("environment", r.environment());
        m.put("database", r.database());
        m.put("selection", r.selection());
        m.put("parallelism", r.parallelism());
        m.put("head", r.head());
        List<Map<String, Object>> schemas = new ArrayList<>();
        for (SchemaDeploys.SchemaReport s : r.schemas()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("schema", s.schema());
            one.put("result", s.result().label());
            one.put("migrations", s.count());
            one.put("failedStep", s.failed() == null ? null : s.failed().label());
            one.put("error", s.error());
            one.put("backup", s.backup());
            one.put("restoreCommand", s.restore());
            one.put("exitCode", s.exitCode());
            one.put("millis", s.millis());
            schemas.add(one);
        }
        m.put("schemas", schemas);
        Map<String, Object> counts = new LinkedHashMap<>();
        for (SchemaDeploys.Result result : SchemaDeploys.Result.values()) {
            counts.put(result.label(), r.count(result));
        }
        m.put("counts", counts);
        m.put("error", r.error());
        m.put("exitCode", r.exitCode());
        m.put("millis", r.millis());
        return ConfigValueFactory.fromMap(m).render(ConfigRenderOptions.concise().setJson(true));
    }
}
