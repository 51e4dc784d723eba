package io.migratewatch.backup;

import io.migratewatch.schema.Identifiers;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Runs a backup file against the database in one transaction, then checks the result against the
 * manifest (every table's row count, the number of large objects, the file's checksum) before it
 * commits. Anything wrong — a damaged file, a failing statement, a count that differs — rolls the
 * whole restore back: the database is as it was before.
 * <p>
 * pg_dump's plain files wrap large objects in BEGIN/COMMIT; inside the one restore transaction those
 * are skipped. Its {@code \restrict} lines are psql's business and are skipped too.
 */
public final class Restorer {

    /** What the restore did: the manifest it verified against, and how long it took. */
    public record Result(Manifest manifest, long millis) {
    }

    /** Runs first inside the restore transaction (the caller checks there that it still holds the migration lock). */
    public interface Guard {
        void enter(Connection connection) throws SQLException;
    }

    private static final Pattern TRANSACTION_CONTROL = Pattern.compile("(?is)(BEGIN|COMMIT|END|START\\s+TRANSACTION)(\\s.*|;?)");
    private static final Pattern ABORT = Pattern.compile("(?is)(ROLLBACK|ABORT)(\\s.*)?");

    public Result restore(Connection c, BackupSource source, Progress progress, Guard guard) {
        BackupFile file = source.file();
        String name = file.path().getFileName().toString();
        if (!file.valid()) {
            throw new BackupException(file.path() + " cannot be restored: " + file.problem() + ". Nothing was changed.");
        }
        Manifest manifest = file.manifest();
        long start = System.nanoTime();
        boolean autoCommit;
        try {
            List<String> outside = dependentsOutside(c, manifest.schema());
            if (!outside.isEmpty()) {
                throw new BackupException("restoring " + name + " replaces schema " + manifest.schema() + ", and these objects outside it depend on it and would be dropped: "
                        + String.join(", ", outside) + ". Nothing was changed: drop or move them first.");
            }
            autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
        } catch (SQLException e) {
            throw new BackupException("cannot restore " + name + ": " + e.getMessage(), e);
        }
        try {
            guard.enter(c);
            ScriptReader reader = new ScriptReader(source.body());
            run(c, reader, file, progress);
            if (!source.checksum().equalsIgnoreCase(manifest.checksum())) {
                throw new BackupFormatException("its checksum is " + source.checksum() + " but was " + manifest.checksum()
                        + " when it was written: the file was changed or damaged since");
            }
            verify(c, manifest);
            c.commit();
            progress.finish();
            return new Result(manifest, (System.nanoTime() - start) / 1_000_000);
        } catch (FailedStatement e) {
            rollback(c);
            progress.finish();
            throw new BackupException("restoring " + name + " failed at line " + e.line + ": " + sqlMessage(e.getCause())
                    + "\n  The restore was rolled back: the database is as it was before.", e.getCause());
        } catch (SQLException | IOException | BackupFormatException | BackupException e) {
            rollback(c);
            progress.finish();
            String why = e instanceof BackupFormatException ? "the file is damaged: " + e.getMessage()
                    : e instanceof BackupException ? e.getMessage() : sqlMessage(e);
            throw new BackupException("restoring " + name + " failed: " + why
                    + "\n  The restore was rolled back: the database is as it was before.", e);
        } catch (RuntimeException e) {
            rollback(c);
            throw e;
        } finally {
            try {
                c.setAutoCommit(autoCommit);
            } catch (SQLException ignored) {
                // the connection is closed by the caller
            }
        }
    }

    /** A statement of the file failed: where, and PostgreSQL's error. */
    private static final class FailedStatement extends Exception {
        private final long line;

        FailedStatement(long line, SQLException cause) {
            super(cause);
            this.line = line;
        }
    }

    private static void run(Connection c, ScriptReader reader, BackupFile file, Progress progress)
            throws SQLException, IOException, FailedStatement {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        long header = file.headerBytes();
        progress.start("restore", file.manifest().rows(), file.fileSize());
        long[] rows = {0};
        try (Statement st = c.createStatement()) {
            st.setEscapeProcessing(false);
            ScriptReader.Item item;
            while ((item = reader.next()) != null) {
                switch (item.kind()) {
                    case META -> {
                        String command = item.text().split("\\s+", 2)[0];
                        if (!command.equals("\\restrict") && !command.equals("\\unrestrict")) {
                            throw new BackupFormatException("line " + item.line() + " holds the psql command " + command
                                    + ", which a restore does not run");
                        }
                    }
                    case STATEMENT -> {
                        if (ABORT.matcher(item.text()).matches()) {
                            throw new BackupFormatException("line " + item.line() + " rolls the transaction back (" + item.text() + ")");
                        }
                        if (!TRANSACTION_CONTROL.matcher(item.text()).matches()) {
                            try {
                                st.execute(item.text());
                            } catch (SQLException e) {
                                throw new FailedStatement(item.line(), e);
                            }
                        }
                    }
                    case COPY -> {
                        CopyIn in;
                        try {
                            in = copy.copyIn(item.text());
                        } catch (SQLException e) {
                            throw new FailedStatement(item.line(), e);
                        }
                        try {
                            long before = rows[0];
                            long n = reader.copyData((b, off, len) -> {
                                in.writeToCopy(b, off, len);
                                progress.advance(before, header + reader.position());
                            });
                            in.endCopy();
                            rows[0] += n;
                        } catch (SQLException e) {
                            throw new FailedStatement(item.line(), e);
                        } finally {
                            if (in.isActive()) {
                                in.cancelCopy();
                            }
                        }
                    }
                }
                progress.advance(rows[0], header + reader.position());
            }
        }
    }

    /** Row counts and large objects as the manifest recorded them, checked inside the transaction before it commits. */
    private static void verify(Connection c, Manifest manifest) throws SQLException {
        List<String> wrong = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            for (Manifest.Table t : manifest.tables()) {
                String name = Identifiers.quote(manifest.schema()) + "." + Identifiers.quote(t.name());
                long rows;
                try (ResultSet rs = st.executeQuery("SELECT pg_catalog.count(*) FROM ONLY " + name)) {
                    rs.next();
                    rows = rs.getLong(1);
                }
                if (rows != t.rows()) {
                    wrong.add(t.name() + " has " + rows + " rows, the backup " + t.rows());
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT pg_catalog.count(*) FROM pg_catalog.pg_largeobject_metadata")) {
                rs.next();
                if (rs.getLong(1) != manifest.largeObjects()) {
                    wrong.add("the database has " + rs.getLong(1) + " large objects, the backup " + manifest.largeObjects());
                }
            }
        }
        if (!wrong.isEmpty()) {
            throw new BackupException("the restored data does not match the backup's manifest: " + String.join("; ", wrong));
        }
    }

    /**
     * Objects in other schemas that DROP SCHEMA ... CASCADE would take along: views on its tables,
     * foreign keys to them, columns of its types.
     */
    static List<String> dependentsOutside(Connection c, String schema) throws SQLException {
        String sql = "WITH s AS (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = ?)"
                + " SELECT DISTINCT 'view ' || vn.nspname || '.' || v.relname FROM pg_catalog.pg_depend d"
                + " JOIN pg_catalog.pg_rewrite r ON r.oid = d.objid AND d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass"
                + " JOIN pg_catalog.pg_class v ON v.oid = r.ev_class JOIN pg_catalog.pg_namespace vn ON vn.oid = v.relnamespace"
                + " JOIN pg_catalog.pg_class t ON t.oid = d.refobjid AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass"
                + " WHERE t.relnamespace = (SELECT oid FROM s) AND v.relnamespace <> (SELECT oid FROM s)"
                + " UNION SELECT 'foreign key ' || con.conname || ' on ' || n.nspname || '.' || t.relname"
                + " FROM pg_catalog.pg_constraint con JOIN pg_catalog.pg_class t ON t.oid = con.conrelid"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace JOIN pg_catalog.pg_class r ON r.oid = con.confrelid"
                + " WHERE con.contype = 'f' AND r.relnamespace = (SELECT oid FROM s) AND t.relnamespace <> (SELECT oid FROM s)"
                + " UNION SELECT 'column ' || n.nspname || '.' || t.relname || '.' || a.attname"
                + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class t ON t.oid = a.attrelid"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace JOIN pg_catalog.pg_type ty ON ty.oid = a.atttypid"
                + " WHERE ty.typnamespace = (SELECT oid FROM s) AND t.relnamespace <> (SELECT oid FROM s) AND NOT a.attisdropped"
                + " AND a.attnum > 0 AND t.relkind IN ('r', 'v', 'm', 'p', 'f')"
                + " ORDER BY 1";
        List<String> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // a lost connection has rolled back on the server already
        }
    }

    private static String sqlMessage(Throwable e) {
        String message = e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        String m = message.strip();
        return m.toLowerCase(Locale.ROOT).startsWith("error: ") ? m.substring(7) : m;
    }
}
