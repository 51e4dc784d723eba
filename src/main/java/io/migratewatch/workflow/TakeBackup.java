package io.migratewatch.workflow;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;
import io.migratewatch.backup.BackupFile;
import io.migratewatch.backup.EngineChoice;
import io.migratewatch.backup.Progress;
import io.migratewatch.db.DatabaseErrors;
import io.migratewatch.migration.AppliedMigration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** {@code db backup}: a backup now, whatever the tables hold and whatever backup.enabled says. */
public final class TakeBackup {

    /** @param engine which engine wrote it, and why that one */
    public record Result(BackupFile file, String display, String engine) {
    }

    private final Project project;

    public TakeBackup(Project project) {
        this.project = project;
    }

    public Result run(Progress progress) {
        try (Connection c = project.connect()) {
            List<AppliedMigration> applied = project.history().applied(c);
            String current = applied.isEmpty() ? null : applied.get(applied.size() - 1).revision();
            EngineChoice choice = project.backups().engineFor(c);
            BackupFile file = project.backups().take(c, choice, current, "db backup", progress);
            return new Result(file, project.display(file.path()), choice.engine().name() + " (" + choice.why() + ")");
        } catch (SQLException e) {
            throw DatabaseErrors.whileBackingUp("taking a backup", e);
        }
    }
}
