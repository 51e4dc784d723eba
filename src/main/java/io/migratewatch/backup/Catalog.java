package io.migratewatch.backup;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the built-in engine dumps of one schema, read from the system catalogs inside the dump's
 * snapshot. Every definition comes from PostgreSQL's own deparsers (format_type, pg_get_expr,
 * pg_get_constraintdef, pg_get_indexdef), as pg_dump does, so nothing here re-implements SQL
 * syntax; with the empty search_path of {@link Snapshot} they qualify every name.
 * <p>
 * Not jOOQ's meta model or DDL export: it normalises types and has no identity sequence options,
 * generated-column expressions, collations or reloptions, all of which a restore must reproduce exactly.
 */
record Catalog(long schemaOid, String schemaComment, List<String> extensions, List<EnumType> enums, List<SequenceDef> sequences,
               List<TableDef> tables, List<ConstraintDef> constraints, List<IndexDef> indexes, List<Long> largeObjects,
               List<Access> access, List<DefaultAccess> defaultAccess) {

    record EnumType(String name, List<String> labels, String comment) {
    }

    /** @param ownerTable the table (in this schema) whose column owns it, or null */
    record SequenceDef(String name, String type, long start, long increment, long min, long max, long cache, boolean cycle,
                       String ownerTable, String ownerColumn, boolean identity, String comment) {
    }

    /** @param identity 'a' (ALWAYS), 'd' (BY DEFAULT) or 0; @param generated 's' (STORED), 'v' (VIRTUAL) or 0 */
    record ColumnDef(String name, String type, boolean notNull, String defaultExpr, char identity, char generated,
                     String collation, String comment) {

        boolean copied() {
            return generated == 0;
        }
    }

    record TableDef(long oid, String name, boolean unlogged, String options, List<ColumnDef> columns, String comment,
                    long estimatedRows) {
    }

    /** @param type c (check), p, u, x (exclusion), f (foreign key) */
    record ConstraintDef(String table, String name, char type, String definition, boolean validated, String comment) {
    }

    record IndexDef(String table, String name, String definition, String comment) {
    }

    private static String notExtensionMember(String catalog, String oid) {
        return " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.classid = '" + catalog + "'::pg_catalog.regclass"
                + " AND e.objid = " + oid + " AND e.deptype = 'e')";
    }

    static Catalog read(Connection c, String schema) throws SQLException {
        long oid = 0;
        String comment = null;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT oid, pg_catalog.obj_description(oid, 'pg_namespace') FROM pg_catalog.pg_namespace WHERE nspname = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    oid = rs.getLong(1);
                    comment = rs.getString(2);
                }
            }
        }
        List<Long> largeObjects = largeObjects(c);
        if (oid == 0) {
            return new Catalog(0, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), largeObjects,
                    largeObjectAccess(c), List.of());
        }
        List<Access> access = access(c, oid);
        access.addAll(largeObjectAccess(c));
        return new Catalog(oid, comment, extensions(c, oid), enums(c, oid), sequences(c, oid), tables(c, oid),
                constraints(c, oid), indexes(c, oid), largeObjects, access, defaultAccess(c, oid));
    }

    /** Owners and ACLs of the schema, its enum types, sequences, tables and columns, in the order they are written back. */
    private static List<Access> access(Connection c, long schema) throws SQLException {
        String linked = "EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass"
                + " AND d.objid = c.oid AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.deptype IN ('a', 'i'))";
        String sql = "SELECT kind, name, col, pg_catalog.pg_get_userbyid(owner)::text, linked, " + Access.grantsOf("acl") + " FROM ("
                + " SELECT 1 AS ord, 'SCHEMA' AS kind, n.nspname::text AS name, NULL::text AS col, n.nspowner AS owner, false AS linked,"
                + " n.nspacl AS acl FROM pg_catalog.pg_namespace n WHERE n.oid = ?::pg_catalog.oid"
                + " UNION ALL SELECT 2, 'TYPE', t.typname::text, NULL, t.typowner, false, t.typacl FROM pg_catalog.pg_type t"
                + " WHERE t.typnamespace = ?::pg_catalog.oid AND t.typtype = 'e'" + notExtensionMember("pg_catalog.pg_type", "t.oid")
                + " UNION ALL SELECT CASE c.relkind WHEN 'r' THEN 3 ELSE 4 END, CASE c.relkind WHEN 'r' THEN 'TABLE' ELSE 'SEQUENCE' END,"
                + " c.relname::text, NULL, c.relowner, c.relkind = 'S' AND " + linked + ", c.relacl FROM pg_catalog.pg_class c"
                + " WHERE c.relnamespace = ?::pg_catalog.oid AND c.relkind IN ('r', 'S')" + notExtensionMember("pg_catalog.pg_class", "c.oid")
                + " UNION ALL SELECT 5, 'TABLE', c.relname::text, a.attname::text, c.relowner, false, a.attacl"
                + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
                + " WHERE c.relnamespace = ?::pg_catalog.oid AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND a.attacl IS NOT NULL"
                + notExtensionMember("pg_catalog.pg_class", "c.oid")
                + ") x ORDER BY ord, name, col";
        List<Access> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 1; i <= 4; i++) {
                ps.setLong(i, schema);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new Access(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                            Access.grants(rs.getArray(6))));
                }
            }
        }
        return result;
    }

    /** Large objects belong to the database: each one's owner and ACL, as {@code pg_dump -b} writes them. */
    private static List<Access> largeObjectAccess(Connection c) throws SQLException {
        List<Access> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT oid::text, pg_catalog.pg_get_userbyid(lomowner)::text, "
                + Access.grantsOf("lomacl") + " FROM pg_catalog.pg_largeobject_metadata ORDER BY oid");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.add(new Access("LARGE OBJECT", rs.getString(1), null, rs.getString(2), false, Access.grants(rs.getArray(3))));
            }
        }
        return result;
    }

    private static List<DefaultAccess> defaultAccess(Connection c, long schema) throws SQLException {
        List<DefaultAccess> result = new ArrayList<>();
        try (ResultSet rs = query(c, "SELECT pg_catalog.pg_get_userbyid(d.defaclrole)::text, d.defaclobjtype::text, "
                + Access.grantsOf("d.defaclacl") + " FROM pg_catalog.pg_default_acl d WHERE d.defaclnamespace = ?::pg_catalog.oid"
                + " ORDER BY 1, 2", schema)) {
            while (rs.next()) {
                List<Access.Grant> grants = Access.grants(rs.getArray(3));
                result.add(new DefaultAccess(rs.getString(1), DefaultAccess.objects(rs.getString(2)), grants == null ? List.of() : grants));
            }
        }
        return result;
    }

    private static List<String> extensions(Connection c, long schema) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = query(c, "SELECT extname FROM pg_catalog.pg_extension WHERE extnamespace = ?::pg_catalog.oid ORDER BY extname", schema)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static List<EnumType> enums(Connection c, long schema) throws SQLException {
        List<EnumType> result = new ArrayList<>();
        try (ResultSet rs = query(c, "SELECT t.typname, ARRAY(SELECT e.enumlabel FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid"
                + " ORDER BY e.enumsortorder), pg_catalog.obj_description(t.oid, 'pg_type') FROM pg_catalog.pg_type t"
                + " WHERE t.typnamespace = ?::pg_catalog.oid AND t.typtype = 'e'" + notExtensionMember("pg_catalog.pg_type", "t.oid")
                + " ORDER BY t.typname", schema)) {
            while (rs.next()) {
                result.add(new EnumType(rs.getString(1), strings(rs.getArray(2)), rs.getString(3)));
            }
        }
        return result;
    }

    private static List<SequenceDef> sequences(Connection c, long schema) throws SQLException {
        List<SequenceDef> result = new ArrayList<>();
        String owner = " FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_class t ON t.oid = d.refobjid"
                + " WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid"
                + " AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.deptype IN ('a', 'i') AND d.refobjsubid > 0"
                + " AND t.relnamespace = c.relnamespace";
        try (ResultSet rs = query(c, "SELECT c.relname, pg_catalog.format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin,"
                + " s.seqmax, s.seqcache, s.seqcycle,"
                + " (SELECT t.relname" + owner + " LIMIT 1),"
                + " (SELECT a.attname" + owner.replace("JOIN pg_catalog.pg_class t ON t.oid = d.refobjid",
                        "JOIN pg_catalog.pg_class t ON t.oid = d.refobjid JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid"
                                + " AND a.attnum = d.refobjsubid") + " LIMIT 1),"
                + " EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass"
                + " AND d.objid = c.oid AND d.deptype = 'i'),"
                + " pg_catalog.obj_description(c.oid, 'pg_class')"
                + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_sequence s ON s.seqrelid = c.oid"
                + " WHERE c.relnamespace = ?::pg_catalog.oid AND c.relkind = 'S'" + notExtensionMember("pg_catalog.pg_class", "c.oid")
                + " ORDER BY c.relname", schema)) {
            while (rs.next()) {
                result.add(new SequenceDef(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                        rs.getLong(7), rs.getBoolean(8), rs.getString(9), rs.getString(10), rs.getBoolean(11), rs.getString(12)));
            }
        }
        return result;
    }

    private static List<TableDef> tables(Connection c, long schema) throws SQLException {
        Map<Long, List<ColumnDef>> columns = new LinkedHashMap<>();
        try (ResultSet rs = query(c, "SELECT a.attrelid, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull,"
                + " pg_catalog.pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated,"
                + " CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation"
                + " THEN pg_catalog.quote_ident(cn.nspname) || '.' || pg_catalog.quote_ident(co.collname) END,"
                + " pg_catalog.col_description(a.attrelid, a.attnum)"
                + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
                + " JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
                + " LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + " LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation"
                + " LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace"
                + " WHERE c.relnamespace = ?::pg_catalog.oid AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped"
                + " ORDER BY a.attrelid, a.attnum", schema)) {
            while (rs.next()) {
                columns.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new ColumnDef(rs.getString(2), rs.getString(3),
                        rs.getBoolean(4), rs.getString(5), flag(rs.getString(6)), flag(rs.getString(7)), rs.getString(8), rs.getString(9)));
            }
        }
        List<TableDef> result = new ArrayList<>();
        try (ResultSet rs = query(c, "SELECT c.oid, c.relname, c.relpersistence = 'u', pg_catalog.array_to_string(c.reloptions, ', '),"
                + " pg_catalog.obj_description(c.oid, 'pg_class'), GREATEST(c.reltuples, 0)::bigint"
                + " FROM pg_catalog.pg_class c WHERE c.relnamespace = ?::pg_catalog.oid AND c.relkind = 'r'"
                + notExtensionMember("pg_catalog.pg_class", "c.oid") + " ORDER BY c.relname", schema)) {
            while (rs.next()) {
                long oid = rs.getLong(1);
                result.add(new TableDef(oid, rs.getString(2), rs.getBoolean(3), rs.getString(4),
                        List.copyOf(columns.getOrDefault(oid, List.of())), rs.getString(5), rs.getLong(6)));
            }
        }
        return result;
    }

    private static List<ConstraintDef> constraints(Connection c, long schema) throws SQLException {
        List<ConstraintDef> result = new ArrayList<>();
        try (ResultSet rs = query(c, "SELECT t.relname, con.conname, con.contype, pg_catalog.pg_get_constraintdef(con.oid),"
                + " con.convalidated, pg_catalog.obj_description(con.oid, 'pg_constraint')"
                + " FROM pg_catalog.pg_constraint con JOIN pg_catalog.pg_class t ON t.oid = con.conrelid"
                + " WHERE t.relnamespace = ?::pg_catalog.oid AND t.relkind = 'r' AND con.contype IN ('c', 'p', 'u', 'x', 'f')"
                + " ORDER BY t.relname, con.conname", schema)) {
            while (rs.next()) {
                result.add(new ConstraintDef(rs.getString(1), rs.getString(2), flag(rs.getString(3)), rs.getString(4),
                        rs.getBoolean(5), rs.getString(6)));
            }
        }
        return result;
    }

    private static List<IndexDef> indexes(Connection c, long schema) throws SQLException {
        List<IndexDef> result = new ArrayList<>();
        try (ResultSet rs = query(c, "SELECT t.relname, ic.relname, pg_catalog.pg_get_indexdef(i.indexrelid),"
                + " pg_catalog.obj_description(i.indexrelid, 'pg_class')"
                + " FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid"
                + " JOIN pg_catalog.pg_class t ON t.oid = i.indrelid"
                + " WHERE t.relnamespace = ?::pg_catalog.oid AND t.relkind = 'r' AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con"
                + " WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x'))"
                + " ORDER BY ic.relname", schema)) {
            while (rs.next()) {
                result.add(new IndexDef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return result;
    }

    /** Large objects belong to the database, not to a schema: every one of them, as {@code pg_dump -b} does. */
    private static List<Long> largeObjects(Connection c) throws SQLException {
        List<Long> oids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT oid FROM pg_catalog.pg_largeobject_metadata ORDER BY oid");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                oids.add(rs.getLong(1));
            }
        }
        return oids;
    }

    /**
     * What the schema holds that this engine does not copy. The engine refuses rather than write a
     * backup that silently lacks them; pg_dump copies all of these.
     */
    static List<String> unsupported(Connection c, long schema) throws SQLException {
        if (schema == 0) {
            return List.of();
        }
        String sql = "SELECT kind, name FROM ("
                + " SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'p' THEN 'partitioned table'"
                + " WHEN 'f' THEN 'foreign table' WHEN 'c' THEN 'composite type' ELSE 'relation' END AS kind, c.relname::text AS name"
                + " FROM pg_catalog.pg_class c WHERE c.relnamespace = ?::pg_catalog.oid AND c.relkind NOT IN ('r', 'S', 'i', 't')"
                + notExtensionMember("pg_catalog.pg_class", "c.oid")
                + " UNION ALL SELECT 'table inheriting from another', c.relname FROM pg_catalog.pg_inherits h"
                + " JOIN pg_catalog.pg_class c ON c.oid = h.inhrelid WHERE c.relnamespace = ?::pg_catalog.oid"
                + " UNION ALL SELECT CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' ELSE 'function' END,"
                + " p.proname || '()' FROM pg_catalog.pg_proc p WHERE p.pronamespace = ?::pg_catalog.oid" + notExtensionMember("pg_catalog.pg_proc", "p.oid")
                + " UNION ALL SELECT 'trigger', t.tgname || ' on ' || c.relname FROM pg_catalog.pg_trigger t"
                + " JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid WHERE c.relnamespace = ?::pg_catalog.oid AND NOT t.tgisinternal"
                + " UNION ALL SELECT 'row security policy', p.polname || ' on ' || c.relname FROM pg_catalog.pg_policy p"
                + " JOIN pg_catalog.pg_class c ON c.oid = p.polrelid WHERE c.relnamespace = ?::pg_catalog.oid"
                + " UNION ALL SELECT 'rule', r.rulename || ' on ' || c.relname FROM pg_catalog.pg_rewrite r"
                + " JOIN pg_catalog.pg_class c ON c.oid = r.ev_class WHERE c.relnamespace = ?::pg_catalog.oid AND c.relkind = 'r'"
                + " UNION ALL SELECT CASE t.typtype WHEN 'd' THEN 'domain' WHEN 'r' THEN 'range type' WHEN 'm' THEN 'multirange type'"
                + " ELSE 'type' END, t.typname FROM pg_catalog.pg_type t WHERE t.typnamespace = ?::pg_catalog.oid AND t.typtype IN ('b', 'd', 'r', 'm', 'p')"
                + " AND t.typcategory <> 'A'" + notExtensionMember("pg_catalog.pg_type", "t.oid")
                + " UNION ALL SELECT 'statistics object', s.stxname FROM pg_catalog.pg_statistic_ext s WHERE s.stxnamespace = ?::pg_catalog.oid"
                + " UNION ALL SELECT 'collation', co.collname FROM pg_catalog.pg_collation co WHERE co.collnamespace = ?::pg_catalog.oid"
                + notExtensionMember("pg_catalog.pg_collation", "co.oid")
                + " UNION ALL SELECT 'operator', o.oprname FROM pg_catalog.pg_operator o WHERE o.oprnamespace = ?::pg_catalog.oid"
                + notExtensionMember("pg_catalog.pg_operator", "o.oid")
                + ") x ORDER BY 1, 2";
        List<String> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 1; i <= 10; i++) {
                ps.setLong(i, schema);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
        }
        return found;
    }

    List<String> tableNames() {
        return tables.stream().map(TableDef::name).toList();
    }

    private static ResultSet query(Connection c, String sql, long schema) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.setLong(1, schema);
        ps.closeOnCompletion();
        return ps.executeQuery();
    }

    private static char flag(String value) {
        return value == null || value.isEmpty() ? 0 : value.charAt(0);
    }

    private static List<String> strings(Array array) throws SQLException {
        List<String> result = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) {
            result.add((String) o);
        }
        return result;
    }
}
