package io.migratewatch.diff;

import io.migratewatch.schema.Table;

/** Creates a table with its columns, primary key, unique and check constraints (foreign keys and indexes are separate changes). */
public record CreateTable(Table table) implements Change {

    @Override
    public Change reverse() {
        return new DropTable(table);
    }

    @Override
    public String describe() {
        return "create table " + table.name();
    }
}
