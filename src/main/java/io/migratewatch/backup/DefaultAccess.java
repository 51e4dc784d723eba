package io.migratewatch.backup;

import io.migratewatch.schema.Identifiers;

import java.util.List;

/**
 * Default privileges a role set for what it creates in the schema later ({@code ALTER DEFAULT
 * PRIVILEGES FOR ROLE … IN SCHEMA …}), written back after everything else so that they do not
 * touch the restored objects themselves.
 *
 * @param role    whose new objects they concern
 * @param objects TABLES, SEQUENCES, FUNCTIONS or TYPES
 */
record DefaultAccess(String role, String objects, List<Access.Grant> grants) {

    static String objects(String defaclobjtype) {
        return switch (defaclobjtype) {
            case "r" -> "TABLES";
            case "S" -> "SEQUENCES";
            case "f" -> "FUNCTIONS";
            case "T" -> "TYPES";
            default -> "SCHEMAS";
        };
    }

    List<String> statements(String schema) {
        return grants.stream().map(g -> "ALTER DEFAULT PRIVILEGES FOR ROLE " + Identifiers.quote(role) + " IN SCHEMA " + Identifiers.quote(schema)
                + " GRANT " + String.join(", ", g.privileges()) + " ON " + objects + " TO "
                + (g.grantee() == null ? "PUBLIC" : Identifiers.quote(g.grantee())) + (g.grantable() ? " WITH GRANT OPTION" : "") + ";").toList();
    }
}
