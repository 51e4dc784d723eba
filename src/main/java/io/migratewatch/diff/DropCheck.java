package io.migratewatch.diff;

import io.migratewatch.schema.CheckConstraint;

public record DropCheck(String table, CheckConstraint constraint) implements Change {

    @Override
    public Change reverse() {
        return new AddCheck(table, constraint);
    }

    @Override
    public String describe() {
        return "drop check constraint " + constraint.name() + " on " + table;
    }
}
