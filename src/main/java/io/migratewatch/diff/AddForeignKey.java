package io.migratewatch.diff;

import io.migratewatch.schema.ForeignKey;

public record AddForeignKey(String table, ForeignKey constraint) implements Change {

    @Override
    public Change reverse() {
        return new DropForeignKey(table, constraint);
    }

    @Override
    public String describe() {
        return "add foreign key " + constraint.name() + " on " + table;
    }
}
