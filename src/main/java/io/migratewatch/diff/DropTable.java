package io.migratewatch.diff;

import io.migratewatch.schema.Table;

/** Drops a table; it carries the whole definition so that its reverse can create it again. */
public record DropTable(Table table) implements Change {

    @Override
    public Change reverse() {
        return new CreateTable(table);
    }

    @Override
    public boolean canLoseData() {
        return true;
    }

    @Override
    public String describe() {
        return "drop table " + table.name();
    }
}
