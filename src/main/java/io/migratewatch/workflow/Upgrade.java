package io.migratewatch.workflow;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;
import io.migratewatch.migration.Direction;
import io.migratewatch.migration.MigrationFile;
import io.migratewatch.migration.MigrationState;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code upgrade [TARGET]}: apply pending migrations up to TARGET (default: every head). */
public final class Upgrade {

    public record Step(MigrationFile migration, long millis) {
    }

    /** @param sql the script when only printing, else null */
    public record Result(List<Step> applied, String sql) {
    }

    private final Project project;

    public Upgrade(Project project) {
        this.project = project;
    }

    public Result run(String target, boolean sqlOnly) {
        try (Connection c = project.connect()) {
            MigrationState state = project.state(c);
            if (!state.drifted().isEmpty()) {
                throw new MigrateWatchException(ExitCode.PROBLEMS_FOUND, driftMessage(state));
            }
            List<MigrationFile> todo = pendingUpTo(state, target);
            if (sqlOnly) {
                String script = todo.stream().map(m -> "-- " + m.fileName() + "\n" + m.up())
                        .collect(Collectors.joining("\n\n"));
                return new Result(List.of(), script);
            }
            List<Step> done = new ArrayList<>();
            for (MigrationFile m : todo) {
                long ms = project.runner().run(c, m, Direction.UP, "upgrade");
                done.add(new Step(m, ms));
            }
            return new Result(done, null);
        } catch (SQLException e) {
            throw new MigrateWatchException(ExitCode.DATABASE_UNREACHABLE, "database error during upgrade: " + e.getMessage(), e);
        }
    }

    private static List<MigrationFile> pendingUpTo(MigrationState state, String target) {
        if (target == null || target.equals("head") || target.equals("heads")) {
            return state.pending();
        }
        MigrationFile goal = state.graph().find(target).orElseThrow(() -> new MigrateWatchException(ExitCode.BAD_INPUT,
                "no migration has revision " + target + " (see migrate-watch history)"));
        Set<String> wanted = state.graph().upTo(goal.revision()).stream().map(MigrationFile::revision).collect(Collectors.toSet());
        return state.pending().stream().filter(m -> wanted.contains(m.revision())).toList();
    }

    static String driftMessage(MigrationState state) {
        return "applied migrations changed since they were applied (drift): "
                + state.drifted().stream().map(MigrationFile::fileName).collect(Collectors.joining(", "))
                + "\n  Restore the files as they were applied (git checkout), or downgrade before editing them.";
    }
}
