package io.migratewatch.diff;

import io.migratewatch.schema.UniqueConstraint;

public record AddUnique(String table, UniqueConstraint constraint) implements TableChange, Lossless {

    @Override
    public Change reverse() {
        return new DropUnique(table, constraint);
    }

    @Override
    public String describe() {
        return "add unique constraint " + constraint.name() + " on " + table;
    }

    @Override
    public Subject subject() {
        return Subject.CONSTRAINT;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.addUnique(this);
    }
}
