package io.migratewatch.diff;

import io.migratewatch.schema.UniqueConstraint;

public record DropUnique(String table, UniqueConstraint constraint) implements Change {

    @Override
    public Change reverse() {
        return new AddUnique(table, constraint);
    }

    @Override
    public String describe() {
        return "drop unique constraint " + constraint.name() + " on " + table;
    }
}
