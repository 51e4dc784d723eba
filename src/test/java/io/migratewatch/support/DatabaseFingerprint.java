package io.migratewatch.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A schema's catalog (columns, defaults, identity, generated columns, collations, constraints,
 * indexes, sequences, enums, extensions, comments), each table's rows (count and an ordered
 * checksum), sequence positions and the database's large objects. Two equal fingerprints mean a
 * restore brought back exactly what was there.
 */
public final class DatabaseFingerprint {

    private DatabaseFingerprint() {
    }

    public static Map<String, String> of(Connection c, String schema) throws SQLException {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("catalog", single(c, """
                WITH s AS (SELECT oid FROM pg_namespace WHERE nspname = ?)
                SELECT string_agg(x, E'\\n' ORDER BY x) FROM (
                  SELECT 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' notnull=' || a.attnotnull
                      || ' default=' || coalesce(pg_get_expr(d.adbin, d.adrelid), '') || ' identity=' || a.attidentity::text || ' generated=' || a.attgenerated::text
                      || ' collation=' || a.attcollation::regcollation || ' comment=' || coalesce(col_description(c.oid, a.attnum), '') AS x
                    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                    WHERE c.relnamespace = (SELECT oid FROM s) AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
                  UNION ALL SELECT 'relation ' || relname || ' ' || relkind::text || ' ' || relpersistence::text || ' ' || coalesce(array_to_string(reloptions, ','), '')
                      || ' comment=' || coalesce(obj_description(oid, 'pg_class'), '') FROM pg_class WHERE relnamespace = (SELECT oid FROM s)
                  UNION ALL SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) || ' valid=' || convalidated
                    FROM pg_constraint WHERE connamespace = (SELECT oid FROM s)
                  UNION ALL SELECT 'index ' || pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                    WHERE c.relnamespace = (SELECT oid FROM s)
                  UNION ALL SELECT 'sequence ' || c.relname || ' ' || s.seqtypid::regtype || ' ' || s.seqstart || ' ' || s.seqincrement || ' '
                      || s.seqmin || ' ' || s.seqmax || ' ' || s.seqcache || ' ' || s.seqcycle
                    FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid WHERE c.relnamespace = (SELECT oid FROM s)
                  UNION ALL SELECT 'enum ' || t.typname || ' ' || e.enumlabel || ' ' || e.enumsortorder || ' ' || coalesce(obj_description(t.oid, 'pg_type'), '')
                    FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typnamespace = (SELECT oid FROM s)
                  UNION ALL SELECT 'extension ' || extname FROM pg_extension WHERE extnamespace = (SELECT oid FROM s)
                ) q""", schema));
        for (String sequence : strings(c, "SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind = 'S' ORDER BY 1", schema)) {
            f.put("sequence " + sequence, single(c, "SELECT last_value || ' ' || is_called FROM " + sequence + " WHERE ?::text IS NOT NULL", ""));
        }
        for (String table : strings(c, "SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind = 'r' ORDER BY 1", schema)) {
            f.put("data " + table, single(c, "SELECT count(*) || ' ' || coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '-') FROM "
                    + table + " t WHERE ?::text IS NOT NULL", ""));
        }
        f.put("large objects", single(c, "SELECT string_agg(oid || ':' || md5(lo_get(oid)), ',' ORDER BY oid) FROM pg_largeobject_metadata"
                + " WHERE ?::text IS NOT NULL", ""));
        return f;
    }

    private static String single(Connection c, String sql, String parameter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static List<String> strings(Connection c, String sql, String parameter) throws SQLException {
        List<String> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getString(1));
                }
            }
        }
        return result;
    }
}
