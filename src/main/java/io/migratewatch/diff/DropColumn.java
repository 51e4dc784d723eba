package io.migratewatch.diff;

import io.migratewatch.schema.Column;

public record DropColumn(String table, Column column) implements Change {

    @Override
    public Change reverse() {
        return new AddColumn(table, column);
    }

    @Override
    public boolean canLoseData() {
        return true;
    }

    @Override
    public String describe() {
        return "drop " + table + "." + column.name();
    }
}
