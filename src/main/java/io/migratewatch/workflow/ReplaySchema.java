package io.migratewatch.workflow;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;
import io.migratewatch.db.Database;
import io.migratewatch.db.ScratchDatabase;
import io.migratewatch.migration.MigrationFile;
import io.migratewatch.migration.SqlScript;
import io.migratewatch.migration.SqlStatement;
import io.migratewatch.schema.Identifiers;
import io.migratewatch.sql.LockSafeScript;
import io.migratewatch.schema.Schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The schema that migrations produce: their up sections run in order in a scratch database on a server, which is then
 * read like the live one and dropped. What the live database is compared with, without the models.
 */
final class ReplaySchema {

    /** A migration whose up section fails on the schema its parents produce. */
    static final class ReplayFailed extends MigrateWatchException {
        ReplayFailed(MigrationFile m, SqlStatement st, String error) {
            super(ExitCode.PROBLEMS_FOUND, m.fileName() + (st.line() > 0 ? ":" + st.line() : "")
                    + ": does not apply to the schema its parents produce: " + error);
        }
    }

    private final Project project;
    private final boolean onSearchPath;

    ReplaySchema(Project project) {
        this(project, false);
    }

    /** @param onSearchPath replay with the schema alone on the search path, as a deploy to several schemas applies them */
    ReplaySchema(Project project, boolean onSearchPath) {
        this.project = project;
        this.onSearchPath = onSearchPath;
    }

    /** A replay that may run: on the configured server, or on the embedded PostgreSQL it starts first. */
    @FunctionalInterface
    interface Run {
        Schema replay() throws SQLException;
    }

    /**
     * The schema the migrations produce as the {@link ReplayCache} keeps it, replayed by {@code run} when it is not kept.
     *
     * @param server the replaying server's version ({@link #version}), or a name for the embedded PostgreSQL, which
     *               this build fixes
     */
    Schema kept(String server, List<MigrationFile> migrations, Run run) throws SQLException {
        String key = ReplayCache.key(server, project.settings().database().schema(), project.settings().migrations().historyTable(),
                onSearchPath ? "alone on the search path" : "qualified", migrations);
        ReplayCache cache = ReplayCache.of(project);
        java.util.Optional<Schema> kept = cache.get(key);
        if (kept.isPresent()) {
            return kept.get();
        }
        Schema replayed = run.replay();
        cache.put(key, replayed);
        return replayed;
    }

    /** The server a connection is open on, as a replay's result depends on it. */
    static String version(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery("SELECT version()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * @throws SQLException  when the scratch database cannot be created (the role may not create databases) or read
     * @throws ReplayFailed  when a migration does not apply
     */
    Schema replay(Database server, List<MigrationFile> migrations) throws SQLException {
        try (ScratchDatabase scratch = ScratchDatabase.beside(server); Connection c = scratch.connect()) {
            String schema = project.settings().database().schema();
            try (Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(schema));
                if (onSearchPath) {
                    s.execute("SET search_path TO " + Identifiers.quote(schema));
                }
            }
            c.setAutoCommit(false);
            for (MigrationFile m : migrations) {
                // one transaction per migration: its CONCURRENTLY steps run without that word (the same schema)
                for (SqlStatement st : SqlScript.statements(LockSafeScript.inTransaction(m.up()), m.upLine())) {
                    try (Statement s = c.createStatement()) {
                        s.execute(st.sql());
                    } catch (SQLException e) {
                        c.rollback();
                        throw new ReplayFailed(m, st, e.getMessage());
                    }
                }
                c.commit();
            }
            c.setAutoCommit(true);
            return project.inspect(c);
        }
    }
}
