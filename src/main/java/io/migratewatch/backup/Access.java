package io.migratewatch.backup;

import io.migratewatch.schema.Identifiers;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Who owns one object of the schema (the schema itself, an enum type, a sequence, a table, a column's
 * privileges, a large object) and who may use it, as the built-in engine writes it back: the owner
 * by ALTER … OWNER TO, the ACL by REVOKE of the defaults and one GRANT per entry, in the ACL's order
 * and by the entry's grantor, so that a restore gives the same owner and the same ACL, as pg_dump's
 * files do.
 *
 * @param kind          SCHEMA, TYPE, SEQUENCE, TABLE or LARGE OBJECT: the word GRANT and ALTER use
 * @param name          the object's name (a large object's OID)
 * @param column        for a column's own privileges, its name; null otherwise
 * @param owner         the owning role
 * @param withItsTable  a sequence owned by a table column: its owner follows the table's
 * @param grants        the ACL's entries; null when the ACL is the default one (NULL in the catalog)
 */
record Access(String kind, String name, String column, String owner, boolean withItsTable, List<Grant> grants) {

    /** One ACL entry: privileges granted to a role (null: PUBLIC) by a grantor. */
    record Grant(String grantee, String grantor, List<String> privileges, boolean grantable) {
    }

    /**
     * SQL giving the grants of an ACL as one flat text array, four elements an entry (grantee or NULL
     * for PUBLIC, grantor, grantable, privileges), in the ACL's order; NULL when the ACL is NULL.
     */
    static String grantsOf(String acl) {
        return "CASE WHEN " + acl + " IS NULL THEN NULL ELSE COALESCE((SELECT pg_catalog.array_agg(e.v ORDER BY g.first, e.k) FROM"
                + " (SELECT pg_catalog.min(x.n) AS first,"
                + " CASE WHEN x.grantee = 0 THEN NULL ELSE pg_catalog.pg_get_userbyid(x.grantee)::text END AS grantee,"
                + " pg_catalog.pg_get_userbyid(x.grantor)::text AS grantor, x.is_grantable::text AS grantable,"
                + " pg_catalog.string_agg(x.privilege_type, ',' ORDER BY x.n) AS privileges"
                + " FROM pg_catalog.aclexplode(" + acl + ") WITH ORDINALITY AS x(grantor, grantee, privilege_type, is_grantable, n)"
                + " GROUP BY x.grantee, x.grantor, x.is_grantable) g,"
                + " LATERAL (VALUES (1, g.grantee), (2, g.grantor), (3, g.grantable), (4, g.privileges)) AS e(k, v)), '{}'::text[]) END";
    }

    /** The grants from {@link #grantsOf}'s array. */
    static List<Grant> grants(Array flat) throws SQLException {
        if (flat == null) {
            return null;
        }
        Object[] v = (Object[]) flat.getArray();
        List<Grant> grants = new ArrayList<>();
        for (int i = 0; i + 3 < v.length; i += 4) {
            grants.add(new Grant((String) v[i], (String) v[i + 1], List.of(((String) v[i + 3]).split(",")), "true".equals(v[i + 2])));
        }
        return grants;
    }

    private String target(String schema) {
        return switch (kind) {
            case "SCHEMA" -> Identifiers.quote(name);
            case "LARGE OBJECT" -> name;
            default -> Identifiers.quote(schema) + "." + Identifiers.quote(name);
        };
    }

    /** ALTER … OWNER TO, or nothing for column privileges and sequences that follow their table. */
    List<String> ownerStatements(String schema) {
        if (column != null || withItsTable) {
            return List.of();
        }
        return List.of("ALTER " + kind + " " + target(schema) + " OWNER TO " + Identifiers.quote(owner) + ";");
    }

    /**
     * The ACL on an object just created and given its owner: the default privileges revoked (the
     * object's and the column's are empty then), and each entry granted again by its own grantor.
     */
    List<String> grantStatements(String schema) {
        if (grants == null) {
            return List.of();
        }
        String on = " ON " + kind + " " + target(schema);
        List<String> sql = new ArrayList<>();
        if (column == null) {
            sql.add("REVOKE ALL" + on + " FROM PUBLIC;");
            sql.add("REVOKE ALL" + on + " FROM " + Identifiers.quote(owner) + ";");
        }
        for (Grant g : grants) {
            String privileges = column == null ? String.join(", ", g.privileges())
                    : g.privileges().stream().map(p -> p + " (" + Identifiers.quote(column) + ")").collect(Collectors.joining(", "));
            String grant = "GRANT " + privileges + on + " TO " + (g.grantee() == null ? "PUBLIC" : Identifiers.quote(g.grantee()))
                    + (g.grantable() ? " WITH GRANT OPTION" : "") + ";";
            if (g.grantor().equals(owner)) {
                sql.add(grant); // a superuser's GRANT is recorded as the owner's
            } else {
                sql.add("SET ROLE " + Identifiers.quote(g.grantor()) + ";");
                sql.add(grant);
                sql.add("RESET ROLE;");
            }
        }
        return sql;
    }
}
