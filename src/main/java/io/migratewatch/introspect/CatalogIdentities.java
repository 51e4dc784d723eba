package io.migratewatch.introspect;

import io.migratewatch.schema.Renames;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The tables and columns of a schema by the identity PostgreSQL gives them (a table's oid, a column's
 * number in it), which a rename keeps and a drop ends. Two readings, before and after some SQL, tell a
 * renamed column from one dropped and another added, whatever the SQL says.
 *
 * @param tables  table oid → table name
 * @param columns table oid → (column number → column name)
 */
public record CatalogIdentities(Map<Long, String> tables, Map<Long, Map<Integer, String>> columns) {

    public CatalogIdentities {
        tables = Map.copyOf(tables);
        Map<Long, Map<Integer, String>> copy = new HashMap<>();
        columns.forEach((t, m) -> copy.put(t, Map.copyOf(m)));
        columns = Map.copyOf(copy);
    }

    /** The ordinary and partitioned tables of the schema and their live columns. */
    public static CatalogIdentities read(Connection c, String schema) throws SQLException {
        Map<Long, String> tables = new HashMap<>();
        Map<Long, Map<Integer, String>> columns = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT t.oid::bigint, t.relname, a.attnum, a.attname"
                + " FROM pg_catalog.pg_class t JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace"
                + " LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped"
                + " WHERE n.nspname = ? AND t.relkind IN ('r', 'p')")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long table = rs.getLong(1);
                    tables.put(table, rs.getString(2));
                    String column = rs.getString(4);
                    if (column != null) {
                        columns.computeIfAbsent(table, t -> new HashMap<>()).put(rs.getInt(3), column);
                    }
                }
            }
        }
        return new CatalogIdentities(tables, columns);
    }

    /** The tables and columns that kept their identity but changed their name on the way to {@code after}. */
    public Renames renamesTo(CatalogIdentities after) {
        Map<String, String> renamedTables = new HashMap<>();
        Map<String, Map<String, String>> renamedColumns = new HashMap<>();
        after.tables.forEach((oid, newName) -> {
            String oldName = tables.get(oid);
            if (oldName == null) {
                return;
            }
            if (!oldName.equals(newName)) {
                renamedTables.put(newName, oldName);
            }
            Map<Integer, String> was = columns.getOrDefault(oid, Map.of());
            after.columns.getOrDefault(oid, Map.of()).forEach((number, newColumn) -> {
                String oldColumn = was.get(number);
                if (oldColumn != null && !oldColumn.equals(newColumn)) {
                    renamedColumns.computeIfAbsent(newName, t -> new HashMap<>()).put(newColumn, oldColumn);
                }
            });
        });
        return new Renames(renamedTables, renamedColumns);
    }
}
