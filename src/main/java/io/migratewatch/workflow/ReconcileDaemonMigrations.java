package io.migratewatch.workflow;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;
import io.migratewatch.db.DatabaseErrors;
import io.migratewatch.migration.AppliedMigration;
import io.migratewatch.migration.GitHistory;
import io.migratewatch.migration.MigrationFile;
import io.migratewatch.migration.MigrationFileFormat;
import io.migratewatch.migration.MigrationState;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts the daemon's own migration files back in step with the database after a run that stopped half way (killed,
 * or a file system that refused the last write): the history keeps the text of every daemon migration as it was
 * applied, so a daemon file that differs from it, or is missing, is written again from it. The text it replaces is
 * kept in {@code .migrate-watch/reconciled/}. Files other than the daemon's open, uncommitted ones are never
 * touched: those stay reported as drift. Leftover staged files of a killed run are removed.
 */
public final class ReconcileDaemonMigrations {

    private final Project project;

    public ReconcileDaemonMigrations(Project project) {
        this.project = project;
    }

    /**
     * One line for each thing put right; empty when everything already agreed.
     *
     * @param atStart whether the daemon is starting: only then can a staged file be a leftover rather than the
     *                daemon's own run in progress
     */
    public List<String> run(boolean atStart) {
        List<String> said = new ArrayList<>();
        for (Path leftover : atStart ? project.migrations().leftovers() : List.<Path>of()) {
            try {
                Files.deleteIfExists(leftover);
                said.add("Removed " + project.display(leftover) + ", left by a run that was interrupted");
            } catch (IOException e) {
                throw new MigrateWatchException(ExitCode.BAD_INPUT, "cannot remove " + leftover + ", left by a run that was interrupted: "
                        + e.getMessage() + " (delete it by hand)", e);
            }
        }
        try (Connection c = project.connect()) {
            MigrationState state = project.state(c);
            if (state.changedFiles().isEmpty() && state.missingFiles().isEmpty()) {
                // nothing to put back: the applied texts (the whole of every daemon migration) need not be read
                return said;
            }
            Map<String, String> texts = project.history().appliedTexts(c);
            for (MigrationFile drifted : state.changedFiles()) {
                String text = texts.get(drifted.revision());
                if (text != null && drifted.isOpenDaemonMigration() && !everCommitted(drifted) && agrees(text, state, drifted.revision())) {
                    Path kept = keepAside(drifted.path());
                    MigrationFile restored = project.migrations().restore(text, drifted.path());
                    said.add("↺ Reconciled " + project.display(restored.path()) + " with the database: put back the SQL that was applied"
                            + " (a run stopped half way; the file's other text is kept in " + project.display(kept) + ")");
                }
            }
            for (AppliedMigration missing : state.missingFiles()) {
                String text = texts.get(missing.revision());
                if (text != null && agrees(text, state, missing.revision())) {
                    MigrationFile restored = project.migrations().restore(text, null);
                    said.add("↺ Reconciled " + project.display(restored.path()) + " with the database: written from the history"
                            + " (a run stopped after applying it, before writing the file)");
                }
            }
        } catch (SQLException e) {
            throw DatabaseErrors.whileReading("reading the migration history", e);
        }
        return said;
    }

    /** The stored text is the one the history's checksum was taken of: anything else is not restored. */
    private static boolean agrees(String text, MigrationState state, String revision) {
        MigrationFile applied;
        try {
            applied = MigrationFileFormat.parse(Path.of("history"), text);
        } catch (RuntimeException e) {
            return false;
        }
        Optional<AppliedMigration> row = state.applied().stream().filter(a -> a.revision().equals(revision)).findFirst();
        return row.isPresent() && applied.revision().equals(revision) && applied.checksum().equals(row.get().checksum());
    }

    private static boolean everCommitted(MigrationFile file) {
        return GitHistory.everCommitted(file.path()).orElse(false);
    }

    /** Copies the file's current text where the user finds it, so putting the applied text back loses nothing. */
    private Path keepAside(Path file) {
        Path folder = project.settings().baseDir().resolve(".migrate-watch").resolve("reconciled");
        Path kept = folder.resolve(file.getFileName().toString());
        try {
            Files.createDirectories(folder);
            Files.writeString(kept, Files.readString(file, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            return kept;
        } catch (IOException e) {
            throw new MigrateWatchException(ExitCode.BAD_INPUT, "cannot keep a copy of " + file + " in " + folder + " before putting back"
                    + " the text the database has: " + e.getMessage(), e);
        }
    }
}
