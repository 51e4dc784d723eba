package io.migratewatch.diff;

import io.migratewatch.schema.ForeignKey;

public record DropForeignKey(String table, ForeignKey constraint) implements Change {

    @Override
    public Change reverse() {
        return new AddForeignKey(table, constraint);
    }

    @Override
    public String describe() {
        return "drop foreign key " + constraint.name() + " on " + table;
    }
}
