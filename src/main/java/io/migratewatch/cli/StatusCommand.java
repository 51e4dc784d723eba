package io.migratewatch.cli;

import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import io.migratewatch.ExitCode;
import io.migratewatch.backup.BackupFile;
import io.migratewatch.config.Settings;
import io.migratewatch.diff.DataLoss;
import io.migratewatch.migration.AppliedMigration;
import io.migratewatch.source.SourceProblem;
import io.migratewatch.workflow.ListBackups;
import io.migratewatch.workflow.Project;
import io.migratewatch.workflow.Status;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "status", description = "The migration dashboard.")
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    MigrateWatchCommand root;

    @Option(names = "--json", description = "print JSON for machines")
    boolean json;

    @Option(names = "--check", description = "print only the status word; exit 0 only when UP TO DATE (a container health check)")
    boolean check;

    @Override
    public Integer call() {
        try (Project project = check ? root.project(line -> { }) : root.project()) {
            // in JSON the warnings are part of the document; on screen they come first, as for generate and diff
            Status.Dashboard d = new Status(project).run(model -> {
                if (!json && !check) {
                    Printing.warnings(root, model.warnings());
                }
            });
            Settings.Watcher w = project.settings().watcher();
            if (check) {
                root.out.println(word(d) + (d.databaseError() != null ? ": " + d.databaseError().lines().findFirst().orElse("")
                        : d.migrationError() != null ? ": " + d.migrationError().lines().findFirst().orElse("")
                        : d.state() == Status.State.CHECKSUM_MISMATCH ? ": " + String.join(", ", d.changedFiles())
                        : d.state() == Status.State.MISSING_FILE ? ": " + missingRevisions(d)
                        : d.state() == Status.State.DRIFT ? ": " + differences(d.drift().size()) + " from the migrations" : ""));
            } else {
                // the health check does without the backups' listing: it reads every backup's header
                ListBackups.Listing backups = new ListBackups(project).run();
                if (json) {
                    root.out.println(json(d, w, project.settings().environment(), project.settings().backup().enabled(), backups));
                } else {
                    print(d, w, project.settings().environment(), project.settings().backup().enabled(), backups,
                            project.display(project.migrations().path()));
                }
            }
            return d.state() == Status.State.UP_TO_DATE ? ExitCode.OK : ExitCode.PROBLEMS_FOUND;
        }
    }

    private void print(Status.Dashboard d, Settings.Watcher w, Settings.Environment env, boolean backupsOn, ListBackups.Listing backups,
                       String migrationsDir) {
        var o = root.out;
        o.println("MIGRATION DASHBOARD");
        o.printf("  %-19s%s%n", "Status:", switch (d.state()) {
            case UP_TO_DATE -> "● UP TO DATE";
            case PENDING -> "● PENDING " + d.pending();
            case CHECKSUM_MISMATCH -> "● CHECKSUM MISMATCH (" + String.join(", ", d.changedFiles()) + " changed after "
                    + (d.changedFiles().size() == 1 ? "it was" : "they were") + " applied)";
            case MISSING_FILE -> "● MISSING FILE (" + missingRevisions(d) + (d.missingFiles().size() == 1 ? " is applied but has"
                    : " are applied but have") + " no file in " + migrationsDir + ")";
            case DRIFT -> "● DRIFT (" + differences(d.drift().size()) + " between the live schema and the migrations:"
                    + " migrate-watch diff --drift)";
            case CONFLICT -> "● CONFLICT (" + d.heads().size() + " heads)";
            case MODELS_CHANGED -> "● MODELS CHANGED (" + d.modelChanges() + " changes not in a migration)";
            case UNKNOWN -> "● UNKNOWN";
        });
        o.printf("  %-19s%s%n", "Current version:", d.current() == null ? "(none applied)" : d.current());
        o.printf("  %-19s%s%n", "Head version:", d.heads().isEmpty() ? "(no migrations)" : String.join(", ", d.heads()));
        o.printf("  %-19s%d %s%n", "Pending:", d.pending(), d.pending() == 1 ? "migration" : "migrations");
        o.printf("  %-19s%s   Auto-generate: %s   Auto-apply: %s   Fold: %s   Backups: %s%n", "Auto-migration:",
                w.enabled() ? "✓ Enabled" : "✗ Disabled", mark(w.autoGenerate()), mark(w.autoApply()), mark(w.fold()), mark(backupsOn));
        o.printf("  %-19s%s%n", "Environment:", env.name() + (env.source() == null || env.source().isBlank() ? "" : " (" + env.source() + ")"));
        o.printf("  %-19s%s%n", "Last migration:", d.lastMigration() == null ? "-" : HistoryCommand.TIME.format(d.lastMigration()));
        o.printf("  %-19s%s%n", "Last backup:", lastBackup(backups)
                .map(b -> HistoryCommand.TIME.format(b.modified()) + "  (" + backups.folder() + "/" + b.path().getFileName() + ")")
                .orElse("-"));
        o.println("  Health checks:");
        o.printf("    %-17s%s%n", "Database:", d.databaseError() == null ? "✓ Connected (PostgreSQL " + d.databaseVersion() + ")" : "✗ " + d.databaseError());
        if (d.databaseError() == null) {
            o.printf("    %-17s%s%n", "Tables:", "✓ " + DataLoss.count(d.tables(), "table"));
            o.printf("    %-17s%s%n", "Migrations:", d.migrationError() != null ? "✗ " + d.migrationError()
                    : !d.changedFiles().isEmpty() ? "✗ Checksum mismatch: " + String.join(", ", d.changedFiles())
                    + " (restore as applied with git checkout, or downgrade before editing)"
                    : !d.missingFiles().isEmpty() ? "✗ Missing file: " + missing(d) + (d.missingFiles().size() == 1 ? " is" : " are")
                    + " applied, but no file in " + migrationsDir + " has " + (d.missingFiles().size() == 1 ? "it" : "them")
                    + " (restore the file: was it deleted, or not pulled?)"
                    : d.heads().size() > 1 ? "✗ " + d.heads().size() + " heads: run migrate-watch merge" : "✓ Valid");
            if (d.migrationError() == null) {
                o.printf("    %-17s%s%n", "Schema:", d.drift() == null ? "? " + d.driftNote()
                        : d.drift().isEmpty() ? "✓ Matches the applied migrations"
                        : "✗ " + differences(d.drift().size()) + " from the applied migrations (migrate-watch diff --drift)");
            }
            o.printf("    %-17s%s%n", "Models:", models(d));
        }
    }

    /** Never "Match the database" while entities are left out of migrations. */
    private static String models(Status.Dashboard d) {
        if (d.modelError() != null) {
            return "✗ " + d.modelError();
        }
        String gaps = Printing.notMigratedShort(d.coverage());
        if (d.modelChanges() == 0) {
            if (gaps == null) {
                return "✓ Match the database";
            }
            int n = d.coverage().mapped();
            return "⚠ " + gaps + " (the " + n + " mapped " + (n == 1 ? "entity matches" : "entities match") + " the database)";
        }
        return "● " + d.modelChanges() + " changes: run migrate-watch generate" + (gaps == null ? "" : "   ⚠ " + gaps);
    }

    /** The status word alone: {@code UP TO DATE}, {@code PENDING 2}, ... */
    private static String word(Status.Dashboard d) {
        return switch (d.state()) {
            case PENDING -> "PENDING " + d.pending();
            default -> d.state().name().replace('_', ' ');
        };
    }

    private static String missingRevisions(Status.Dashboard d) {
        return d.missingFiles().stream().map(AppliedMigration::revision).collect(Collectors.joining(", "));
    }

    /** {@code revision abcd00000002 (customer email)}, or several of them. */
    private static String missing(Status.Dashboard d) {
        return (d.missingFiles().size() == 1 ? "revision " : "revisions ") + d.missingFiles().stream()
                .map(a -> a.revision() + " (" + a.description() + ")").collect(Collectors.joining(", "));
    }

    private static String differences(int n) {
        return n + (n == 1 ? " difference" : " differences");
    }

    private static String mark(boolean on) {
        return on ? "✓" : "✗";
    }

    private static java.util.Optional<BackupFile> lastBackup(ListBackups.Listing backups) {
        return backups.backups().stream().filter(b -> b.problem() == null).findFirst();
    }

    static String json(Status.Dashboard d, Settings.Watcher w, Settings.Environment env, boolean backupsOn, ListBackups.Listing backups) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", d.state().name());
        m.put("statusWord", word(d));
        m.put("current", d.current());
        m.put("heads", d.heads());
        m.put("pending", d.pending());
        m.put("checksumMismatch", d.changedFiles());
        m.put("missingFiles", d.missingFiles().stream().map(AppliedMigration::revision).toList());
        m.put("drift", d.drift());
        m.put("driftNote", d.driftNote());
        m.put("lastMigration", d.lastMigration() == null ? null : d.lastMigration().toString());
        m.put("databaseVersion", d.databaseVersion());
        m.put("databaseError", d.databaseError());
        m.put("tables", d.tables());
        m.put("migrationError", d.migrationError());
        m.put("modelChanges", d.modelChanges());
        m.put("modelError", d.modelError());
        m.put("modelWarnings", d.modelWarnings().stream().map(SourceProblem::format).toList());
        m.put("mappedEntities", d.coverage() == null ? null : d.coverage().mapped());
        m.put("entitiesNotMigrated", d.coverage() == null ? null : d.coverage().leftOut().stream()
                .map(e -> e.entity() == null ? "table " + e.table() : e.entity()).toList());
        m.put("mappingFilesNotRead", d.coverage() == null ? null : d.coverage().unreadFiles().stream()
                .map(p -> p.file().getFileName().toString()).toList());
        m.put("watcher", Map.of("enabled", w.enabled(), "autoGenerate", w.autoGenerate(), "autoApply", w.autoApply(), "fold", w.fold()));
        m.put("environment", env.name());
        m.put("backups", backupsOn);
        m.put("lastBackup", lastBackup(backups).map(b -> b.path().getFileName().toString()).orElse(null));
        m.put("lastBackupAt", lastBackup(backups).map(b -> b.modified().toString()).orElse(null));
        return ConfigValueFactory.fromMap(m).render(ConfigRenderOptions.concise().setJson(true));
    }
}
