package io.migratewatch.introspect;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the catalog says about some relations, as sorted lines of text: the relations of the given
 * names in every schema but PostgreSQL's own, their columns (type, nullability, identity, default,
 * comment), their constraints and the foreign keys of other tables that point at them, their indexes,
 * sequences' options and view definitions. Two reads are equal when those objects are the same, by
 * name and definition, whatever their object ids. One query, computed in the server, so that it is
 * cheap enough to take before and after every part of a large migration. Comments are read from
 * pg_description directly: obj_description and col_description are SQL functions, run once per row,
 * and took a third of the query's time.
 *
 * @param facts how many lines the catalog gave
 * @param md5   the digest of those lines, in order
 */
public record CatalogDigest(long facts, String md5) {

    private static final String FACTS = """
            WITH named AS (
                SELECT DISTINCT name::name AS relname FROM unnest(?::text[]) AS name
            ), rel AS (
                -- looked up by name through pg_class's own index: a few hundred names cost what one does
                SELECT c.oid, n.nspname, c.relname, c.relkind
                FROM named JOIN pg_class c ON c.relname = named.relname JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
                  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
                  AND NOT (c.relname = ANY (?))
            ), facts AS (
                SELECT 'relation ' || quote_ident(r.nspname) || '.' || quote_ident(r.relname) || ' ' || r.relkind::text
                       || coalesce(' comment ' || (SELECT description FROM pg_description WHERE objoid = r.oid AND classoid = 'pg_class'::regclass AND objsubid = 0), '')
                       || CASE WHEN r.relkind IN ('v', 'm') THEN ' as ' || pg_get_viewdef(r.oid) ELSE '' END AS f
                FROM rel r
                UNION ALL
                SELECT 'column ' || quote_ident(r.nspname) || '.' || quote_ident(r.relname) || '.' || quote_ident(a.attname)
                       || ' ' || format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
                       || ' identity ' || a.attidentity::text || ' generated ' || a.attgenerated::text || ' collation ' || a.attcollation::text
                       || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
                       || coalesce(' comment ' || (SELECT description FROM pg_description WHERE objoid = r.oid AND classoid = 'pg_class'::regclass AND objsubid = a.attnum), '')
                FROM rel r JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
                LEFT JOIN pg_attrdef d ON d.adrelid = r.oid AND d.adnum = a.attnum
                UNION ALL
                SELECT 'constraint ' || quote_ident(n.nspname) || '.' || quote_ident(t.relname) || '.' || quote_ident(con.conname)
                       || ' ' || pg_get_constraintdef(con.oid) || coalesce(' comment ' || (SELECT description FROM pg_description WHERE objoid = con.oid AND classoid = 'pg_constraint'::regclass AND objsubid = 0), '')
                FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE con.conrelid IN (SELECT oid FROM rel) OR con.confrelid IN (SELECT oid FROM rel)
                UNION ALL
                SELECT 'index ' || pg_get_indexdef(i.indexrelid) || coalesce(' comment ' || (SELECT description FROM pg_description WHERE objoid = i.indexrelid AND classoid = 'pg_class'::regclass AND objsubid = 0), '')
                FROM pg_index i WHERE i.indrelid IN (SELECT oid FROM rel)
                UNION ALL
                SELECT 'sequence ' || quote_ident(r.nspname) || '.' || quote_ident(r.relname) || ' ' || format_type(s.seqtypid, NULL)
                       || ' start ' || s.seqstart || ' increment ' || s.seqincrement || ' min ' || s.seqmin || ' max ' || s.seqmax
                       || ' cache ' || s.seqcache || ' cycle ' || s.seqcycle
                FROM rel r JOIN pg_sequence s ON s.seqrelid = r.oid
            )
            """;

    /**
     * @param names    the relation names to read (others are left out); a superset is fine
     * @param excluded relation names never read (the history tables, which change in the same transaction)
     */
    public static CatalogDigest read(Connection c, Collection<String> names, Collection<String> excluded) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(FACTS + "SELECT count(*), coalesce(md5(string_agg(f, E'\\n' ORDER BY f)), '') FROM facts")) {
            bind(c, ps, names, excluded);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new CatalogDigest(rs.getLong(1), rs.getString(2));
            }
        }
    }

    /** The lines themselves, to tell what differs when two digests do not match. */
    public static List<String> facts(Connection c, Collection<String> names, Collection<String> excluded) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(FACTS + "SELECT f FROM facts ORDER BY f")) {
            bind(c, ps, names, excluded);
            List<String> lines = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
            return lines;
        }
    }

    /** Lines of {@code before} missing from {@code after} ("- …") and new in it ("+ …"), at most {@code limit} of them. */
    public static List<String> differences(List<String> before, List<String> after, int limit) {
        Set<String> was = new TreeSet<>(before);
        Set<String> is = new TreeSet<>(after);
        List<String> out = new ArrayList<>();
        for (String line : was) {
            if (!is.contains(line) && out.size() < limit) {
                out.add("- " + line);
            }
        }
        for (String line : is) {
            if (!was.contains(line) && out.size() < limit) {
                out.add("+ " + line);
            }
        }
        return out;
    }

    private static void bind(Connection c, PreparedStatement ps, Collection<String> names, Collection<String> excluded) throws SQLException {
        Array named = c.createArrayOf("text", names.toArray());
        Array left = c.createArrayOf("text", excluded.toArray());
        ps.setArray(1, named);
        ps.setArray(2, left);
    }
}
