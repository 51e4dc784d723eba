package io.migratewatch.diff;

import io.migratewatch.schema.Column;

public record AddColumn(String table, Column column) implements Change {

    @Override
    public Change reverse() {
        return new DropColumn(table, column);
    }

    /** A NOT NULL column without a default cannot be added to a table that has rows. */
    public boolean needsEmptyTable() {
        return !column.nullable() && column.defaultValue() == null
                && column.identity() == io.migratewatch.schema.Identity.NONE;
    }

    @Override
    public String describe() {
        return "add " + table + "." + column.name();
    }
}
