package io.migratewatch.diff;

import io.migratewatch.schema.UniqueConstraint;

public record DropUnique(String table, UniqueConstraint constraint) implements TableChange, Lossless {

    @Override
    public Change reverse() {
        return new AddUnique(table, constraint);
    }

    @Override
    public String describe() {
        return "drop unique constraint " + constraint.name() + " on " + table;
    }

    @Override
    public Subject subject() {
        return Subject.CONSTRAINT;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.dropUnique(this);
    }
}
