package io.migratewatch.fidelity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A schema read straight from {@code pg_catalog} and turned into {@link Fact}s: tables; columns with type, null-ness,
 * default, identity and generation; primary keys, foreign keys, unique, check and exclusion constraints with name and
 * definition; indexes that no constraint owns (their full definition: name, columns, order, method, predicate);
 * sequences with type, start, increment, bounds, cache and cycle; table and column comments. Deliberately not
 * migrate-watch's own SchemaInspector: the point is an independent reading of both databases.
 */
public record CatalogFacts(Set<Fact> facts) {

    public CatalogFacts {
        facts = Set.copyOf(facts);
    }

    /** Every fact of the schema, leaving out the named tables (and everything that belongs to them). */
    public static CatalogFacts read(Connection c, String schema, Collection<String> leftOutTables) throws SQLException {
        Set<Fact> facts = new TreeSet<>();
        query(c, schema, facts, """
                SELECT c.relname, 'table ' || quote_ident(c.relname)
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = ? AND c.relkind IN ('r', 'p')""");
        query(c, schema, facts, """
                SELECT c.relname, 'column ' || quote_ident(c.relname) || '.' || quote_ident(a.attname)
                       || ' ' || format_type(a.atttypid, a.atttypmod)
                       || CASE WHEN a.attnotnull THEN ' not null' ELSE ' null' END
                       || ' default=' || coalesce(pg_get_expr(d.adbin, d.adrelid), 'none')
                       || CASE a.attidentity WHEN 'a' THEN ' identity=always' WHEN 'd' THEN ' identity=by-default' ELSE '' END
                       || CASE a.attgenerated WHEN 's' THEN ' generated=stored' ELSE '' END
                  FROM pg_attribute a
                  JOIN pg_class c ON c.oid = a.attrelid
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                 WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped""");
        // contype p/f/u/c/x (and n on PostgreSQL 18); the definition carries columns in order, the referenced
        // table and columns and the ON DELETE / ON UPDATE actions
        query(c, schema, facts, """
                SELECT c.relname,
                       CASE k.contype WHEN 'p' THEN 'primary key' WHEN 'f' THEN 'foreign key' WHEN 'u' THEN 'unique'
                                      WHEN 'c' THEN 'check' WHEN 'x' THEN 'exclusion' WHEN 'n' THEN 'not null'
                                      ELSE 'constraint ' || k.contype::text END
                       || ' ' || quote_ident(c.relname) || ' ' || quote_ident(k.conname) || ': ' || pg_get_constraintdef(k.oid)
                  FROM pg_constraint k
                  JOIN pg_class c ON c.oid = k.conrelid
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = ?""");
        // indexes behind a primary key, unique or exclusion constraint are that constraint's fact already
        query(c, schema, facts, """
                SELECT t.relname, 'index ' || quote_ident(t.relname) || ': ' || pg_get_indexdef(i.indexrelid)
                  FROM pg_index i
                  JOIN pg_class t ON t.oid = i.indrelid
                  JOIN pg_namespace n ON n.oid = t.relnamespace
                 WHERE n.nspname = ?
                   AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid
                                                                   AND k.contype IN ('p', 'u', 'x'))""");
        // a sequence owned by a column (identity or serial) belongs to that column's table
        query(c, schema, facts, """
                SELECT owner.relname,
                       'sequence ' || quote_ident(q.relname) || ' ' || format_type(s.seqtypid, NULL)
                       || ' start ' || s.seqstart || ' increment ' || s.seqincrement || ' min ' || s.seqmin
                       || ' max ' || s.seqmax || ' cache ' || s.seqcache || CASE WHEN s.seqcycle THEN ' cycle' ELSE '' END
                       || coalesce(' owned by ' || quote_ident(owner.relname), '')
                  FROM pg_sequence s
                  JOIN pg_class q ON q.oid = s.seqrelid
                  JOIN pg_namespace n ON n.oid = q.relnamespace
                  LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = q.oid
                                       AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
                  LEFT JOIN pg_class owner ON owner.oid = d.refobjid
                 WHERE n.nspname = ?""");
        query(c, schema, facts, """
                SELECT c.relname, 'comment on table ' || quote_ident(c.relname) || ': ' || obj_description(c.oid, 'pg_class')
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND obj_description(c.oid, 'pg_class') IS NOT NULL""");
        query(c, schema, facts, """
                SELECT c.relname, 'comment on column ' || quote_ident(c.relname) || '.' || quote_ident(a.attname) || ': '
                       || col_description(c.oid, a.attnum)
                  FROM pg_attribute a
                  JOIN pg_class c ON c.oid = a.attrelid
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
                   AND col_description(c.oid, a.attnum) IS NOT NULL""");
        Set<String> skip = Set.copyOf(leftOutTables);
        return new CatalogFacts(facts.stream().filter(f -> f.table() == null || !skip.contains(f.table())).collect(Collectors.toSet()));
    }

    private static void query(Connection c, String schema, Set<Fact> into, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    into.add(new Fact(rs.getString(1), rs.getString(2)));
                }
            }
        }
    }

    /** The tables that have facts. */
    public Set<String> tables() {
        return facts.stream().map(Fact::table).filter(t -> t != null).collect(Collectors.toCollection(TreeSet::new));
    }

    public Set<Fact> where(Predicate<Fact> test) {
        return facts.stream().filter(test).collect(Collectors.toCollection(TreeSet::new));
    }

    public boolean contains(Fact fact) {
        return facts.contains(fact);
    }

    public int size() {
        return facts.size();
    }
}
