package io.migratewatch.workflow;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;
import io.migratewatch.db.DatabaseErrors;
import io.migratewatch.db.Transaction;
import io.migratewatch.diff.Change;
import io.migratewatch.diff.SchemaDiff;
import io.migratewatch.migration.HistoryTable;
import io.migratewatch.migration.MigrationFile;
import io.migratewatch.migration.MigrationState;
import io.migratewatch.migration.Revisions;
import io.migratewatch.schema.Schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * {@code diff --drift} and {@code generate --from-drift}: what was changed in the database by hand, and a migration that
 * records it. That migration is recorded as applied on this database without running it (its changes are already
 * there), as Prisma's {@code migrate diff} followed by {@code migrate resolve --applied} does; every other database
 * applies it with {@code upgrade} or {@code deploy}, so they all end with the hand-made change.
 */
public final class Drift {

    /** The {@code generated} value of a migration written from drift. */
    public static final String GENERATED = "drift";

    /** @param changes from the schema the applied migrations produce to the live one; empty when there is no drift */
    public record Found(List<Change> changes, String upSql) {
        public Found {
            changes = List.copyOf(changes);
        }
    }

    /** @param file the migration written and recorded as applied; null when there was no drift */
    public record Recorded(MigrationFile file, List<Change> changes) {
        public Recorded {
            changes = List.copyOf(changes);
        }
    }

    private final Project project;

    public Drift(Project project) {
        this.project = project;
    }

    public Found list() {
        try (Connection c = project.connect()) {
            MigrationState state = project.state(c);
            state.requireAppliedFilesUnchanged();
            SchemaDiff.Result drift = new SchemaDrift(project).between(c, state, project.inspect(c));
            return new Found(drift.changes(), project.renderer().script(drift.changes()));
        } catch (SQLException e) {
            throw DatabaseErrors.whileChanging("replaying the applied migrations", e);
        }
    }

    public Recorded generate(String description) {
        String named = description == null ? "" : description.strip();
        if (named.isEmpty()) {
            throw new MigrateWatchException(ExitCode.BAD_INPUT,
                    "a migration needs a description: migrate-watch generate --from-drift \"index added by hand\"");
        }
        if (named.length() > HistoryTable.DESCRIPTION_LENGTH) {
            throw new MigrateWatchException(ExitCode.BAD_INPUT, "the description has " + named.length()
                    + " characters; the history keeps at most " + HistoryTable.DESCRIPTION_LENGTH + ": say it shorter");
        }
        // under the lock: the history must not move between reading the drift and recording its migration
        try (Connection c = project.connect(); MigrationLock lock = project.lock()) {
            MigrationState state = project.state(c);
            Generate.requireAtHead(state);
            Schema live = project.inspect(c);
            SchemaDiff.Result drift = new SchemaDrift(project).between(c, state, live);
            if (drift.isEmpty()) {
                return new Recorded(null, List.of());
            }
            MigrationFile file = project.migrations().write(new MigrationFile(null, Revisions.next(), state.graph().heads(), named,
                    Instant.now(), GENERATED, project.renderer().script(drift.changes()), project.renderer().script(drift.reversed()),
                    0, 0));
            try {
                record(c, file);
            } catch (SQLException | RuntimeException e) {
                project.migrations().delete(file);
                throw e;
            }
            return new Recorded(file, drift.changes());
        } catch (SQLException e) {
            throw DatabaseErrors.whileChanging("recording the drift as a migration", e);
        }
    }

    private void record(Connection c, MigrationFile file) throws SQLException {
        Transaction.run(c, () -> {
            project.history().ensureExists(c);
            project.history().record(c, file, 0, GENERATED);
            return null;
        });
    }
}
