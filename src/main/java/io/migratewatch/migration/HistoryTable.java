package io.migratewatch.migration;

import io.migratewatch.schema.Identifiers;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The table that records which revisions are applied ({@code migrations.history-table}). */
public final class HistoryTable {

    /** The longest migration description the history keeps; {@code generate} refuses longer ones. */
    public static final int DESCRIPTION_LENGTH = 500;

    private final String schema;
    private final String table;

    public HistoryTable(String schema, String table) {
        this.schema = schema;
        this.table = table;
    }

    public String schema() {
        return schema;
    }

    public String name() {
        return table;
    }

    private String qualified() {
        return Identifiers.quote(schema) + "." + Identifiers.quote(table);
    }

    public void ensureExists(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (!schemaExists(c)) {
                // a fresh database has only public: the managed schema comes with the first migration. Created only
                // when missing, since CREATE SCHEMA IF NOT EXISTS needs the CREATE right even when the schema is there
                s.execute("CREATE SCHEMA " + Identifiers.quote(schema));
            }
            s.execute("CREATE TABLE IF NOT EXISTS " + qualified() + " ("
                    + "revision varchar(32) PRIMARY KEY, parents varchar(200) NOT NULL DEFAULT '', "
                    + "description varchar(" + DESCRIPTION_LENGTH + ") NOT NULL DEFAULT '', checksum varchar(64) NOT NULL, "
                    + "applied_at timestamp(3) with time zone NOT NULL DEFAULT now(), duration_ms bigint NOT NULL DEFAULT 0, "
                    + "applied_by varchar(200) NOT NULL DEFAULT '', how varchar(20) NOT NULL DEFAULT 'upgrade', "
                    + "backup varchar(500), installed_rank bigint GENERATED ALWAYS AS IDENTITY, applied_text text)");
        }
        ensureAppliedTextColumn(c);
    }

    /**
     * History tables made by earlier versions lack {@code applied_text}: it is added, nullable, so their rows stay
     * as they are. Altered only when missing, since ALTER TABLE needs the table's owner even when there is nothing to do.
     */
    private void ensureAppliedTextColumn(Connection c) throws SQLException {
        if (hasAppliedTextColumn(c)) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE " + qualified() + " ADD COLUMN IF NOT EXISTS applied_text text");
        }
    }

    private boolean hasAppliedTextColumn(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class k ON k.oid = a.attrelid "
                + "JOIN pg_catalog.pg_namespace n ON n.oid = k.relnamespace WHERE n.nspname = ? AND k.relname = ? "
                + "AND a.attname = 'applied_text' AND NOT a.attisdropped")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * The whole file text of a daemon migration as it was applied or last folded into, by revision; migrations the
     * daemon did not write, and rows written before this column existed, have none. This is what lets the daemon put
     * a file back after a run that stopped between the database and the file system.
     */
    public java.util.Map<String, String> appliedTexts(Connection c) throws SQLException {
        java.util.Map<String, String> texts = new java.util.LinkedHashMap<>();
        if (!exists(c) || !hasAppliedTextColumn(c)) {
            return texts;
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT revision, applied_text FROM " + qualified()
                     + " WHERE applied_text IS NOT NULL ORDER BY installed_rank")) {
            while (rs.next()) {
                texts.put(rs.getString(1), rs.getString(2));
            }
        }
        return texts;
    }

    /** Only the daemon's own files are restored from the history; other files belong to their authors and git. */
    private static String appliedText(MigrationFile m) {
        return MigrationFile.DAEMON.equals(m.generated()) ? MigrationFileFormat.render(m) : null;
    }

    private boolean schemaExists(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public boolean exists(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM pg_catalog.pg_class k JOIN pg_catalog.pg_namespace n ON n.oid = k.relnamespace "
                        + "WHERE n.nspname = ? AND k.relname = ?")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Applied revisions, oldest first. Empty when the table does not exist yet. */
    public List<AppliedMigration> applied(Connection c) throws SQLException {
        if (!exists(c)) {
            return List.of();
        }
        List<AppliedMigration> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT revision, parents, description, checksum, applied_at, duration_ms, applied_by, how FROM "
                     + qualified() + " ORDER BY installed_rank")) {
            while (rs.next()) {
                String parents = rs.getString(2);
                rows.add(new AppliedMigration(rs.getString(1),
                        parents.isBlank() ? List.of() : Arrays.asList(parents.split(" ")), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getLong(6), rs.getString(7), rs.getString(8)));
            }
        }
        return rows;
    }

    public void record(Connection c, MigrationFile m, long durationMs, String how) throws SQLException {
        record(c, m, durationMs, how, null);
    }

    /** @param backup the backup taken before the migration was applied (its path), or null */
    public void record(Connection c, MigrationFile m, long durationMs, String how, String backup) throws SQLException {
        ensureAppliedTextColumn(c);
        try (PreparedStatement ps = c.prepareStatement(insertSql())) {
            ps.setString(1, m.revision());
            ps.setString(2, String.join(" ", m.parents()));
            ps.setString(3, m.description());
            ps.setString(4, m.checksum());
            ps.setTimestamp(5, new Timestamp(System.currentTimeMillis()));
            ps.setLong(6, durationMs);
            ps.setString(7, appliedBy());
            ps.setString(8, how);
            ps.setString(9, backup == null || backup.length() <= 500 ? backup : backup.substring(backup.length() - 500));
            ps.setString(10, appliedText(m));
            ps.executeUpdate();
        }
    }

    /** The statements that write the history, as the runner names them when one fails. */
    String insertSql() {
        return "INSERT INTO " + qualified() + " (revision, parents, description, checksum, applied_at, duration_ms, applied_by, how, backup, applied_text)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    String updateSql() {
        return "UPDATE " + qualified() + " SET checksum = ?, description = ?, applied_at = ?, backup = coalesce(?, backup), applied_text = ? WHERE revision = ?";
    }

    String deleteSql() {
        return "DELETE FROM " + qualified() + " WHERE revision = ?";
    }

    public void remove(Connection c, String revision) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(deleteSql())) {
            ps.setString(1, revision);
            ps.executeUpdate();
        }
    }

    /** After a migration file was folded into: the row follows the file's new checksum and description. */
    public void update(Connection c, MigrationFile m) throws SQLException {
        update(c, m, null);
    }

    /** @param backup the backup taken before the fold was applied, or null to keep the row's */
    public void update(Connection c, MigrationFile m, String backup) throws SQLException {
        ensureAppliedTextColumn(c);
        try (PreparedStatement ps = c.prepareStatement(updateSql())) {
            ps.setString(1, m.checksum());
            ps.setString(2, m.description());
            ps.setTimestamp(3, new Timestamp(System.currentTimeMillis()));
            ps.setString(4, backup == null || backup.length() <= 500 ? backup : backup.substring(backup.length() - 500));
            ps.setString(5, appliedText(m));
            ps.setString(6, m.revision());
            ps.executeUpdate();
        }
    }

    static String appliedBy() {
        String user = System.getProperty("user.name", "unknown");
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "localhost";
        }
        return user + "@" + host;
    }
}
