package io.migratewatch.diff;

import io.migratewatch.schema.CheckConstraint;

public record AddCheck(String table, CheckConstraint constraint) implements Change {

    @Override
    public Change reverse() {
        return new DropCheck(table, constraint);
    }

    @Override
    public String describe() {
        return "add check constraint " + constraint.name() + " on " + table;
    }
}
