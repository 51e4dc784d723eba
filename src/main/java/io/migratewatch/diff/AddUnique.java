package io.migratewatch.diff;

import io.migratewatch.schema.UniqueConstraint;

public record AddUnique(String table, UniqueConstraint constraint) implements Change {

    @Override
    public Change reverse() {
        return new DropUnique(table, constraint);
    }

    @Override
    public String describe() {
        return "add unique constraint " + constraint.name() + " on " + table;
    }
}
