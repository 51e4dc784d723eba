package io.migratewatch.migration;

/** One SQL statement of a migration section and the file line on which it starts. */
public record SqlStatement(String sql, int line) {
}
