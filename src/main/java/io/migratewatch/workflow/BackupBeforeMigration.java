package io.migratewatch.workflow;

import io.migratewatch.backup.BackupException;
import io.migratewatch.backup.BackupFile;
import io.migratewatch.backup.BackupFolder;
import io.migratewatch.backup.Progress;
import io.migratewatch.config.Settings;
import io.migratewatch.introspect.DataProbe;
import io.migratewatch.migration.AppliedMigration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The backup that upgrade, downgrade and the daemon take before they apply anything: skipped when
 * backups are switched off (backup.enabled = false) or when no table holds a row (there is nothing to
 * lose). A backup that fails stops the migration before it starts.
 */
public final class BackupBeforeMigration implements BackupStep {

    private final Project project;
    private final String how;
    private final Progress progress;

    /** @param how "upgrade", "downgrade" or "daemon": goes into the manifest's reason */
    public BackupBeforeMigration(Project project, String how, Progress progress) {
        this.project = project;
        this.how = how;
        this.progress = progress;
        // a backup killed in an earlier run left its temporary file: gone at the start of the next
        new BackupFolder(project.settings().backup().dir()).removeLeftovers();
    }

    @Override
    public Result before(Connection c, String revision) {
        Settings settings = project.settings();
        if (!settings.backup().enabled()) {
            return Result.skipped("backup.enabled = false");
        }
        try {
            if (!DataProbe.hasAnyRows(c, settings.database().schema(), settings.migrations().historyTable())) {
                return Result.skipped("every table is empty");
            }
            List<AppliedMigration> applied = project.history().applied(c);
            String current = applied.isEmpty() ? null : applied.get(applied.size() - 1).revision();
            BackupFile file = project.backups().take(c, current, reason(revision), progress);
            return new Result(project.display(file.path()), file.summary());
        } catch (SQLException e) {
            throw new BackupException("cannot look at the database before backing it up: " + e.getMessage()
                    + "\n  Nothing was applied.", e);
        } catch (BackupException e) {
            throw new BackupException(e.getMessage() + "\n  Nothing was applied. " + whatNext(), e);
        }
    }

    /** Only upgrade and downgrade have --no-backup; the daemon tries again by itself. */
    private String whatNext() {
        return switch (how) {
            case "upgrade", "downgrade" -> "Fix that and run the command again, or run it with --no-backup to migrate without a backup"
                    + " (backup.enabled = false switches backups off).";
            case "daemon" -> "Fix that: the daemon tries again at the next save (backup.enabled = false switches backups off).";
            default -> "Fix that and run the command again (backup.enabled = false switches backups off).";
        };
    }

    private String reason(String revision) {
        return switch (how) {
            case "downgrade" -> "before downgrade of " + revision;
            case "daemon" -> "before the daemon applied " + revision;
            default -> "before " + how + " to " + revision;
        };
    }
}
