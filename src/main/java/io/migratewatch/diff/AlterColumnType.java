package io.migratewatch.diff;

import io.migratewatch.schema.ColumnType;

public record AlterColumnType(String table, String column, ColumnType from, ColumnType to) implements Change {

    @Override
    public Change reverse() {
        return new AlterColumnType(table, column, to, from);
    }

    @Override
    public boolean canLoseData() {
        return !TypeWidening.isWidening(from, to);
    }

    @Override
    public String describe() {
        return "change type of " + table + "." + column + " from " + from + " to " + to;
    }
}
