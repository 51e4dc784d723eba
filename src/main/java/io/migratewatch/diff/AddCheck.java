package io.migratewatch.diff;

import io.migratewatch.schema.CheckConstraint;

public record AddCheck(String table, CheckConstraint constraint) implements TableChange, Lossless {

    @Override
    public Change reverse() {
        return new DropCheck(table, constraint);
    }

    @Override
    public String describe() {
        return "add check constraint " + constraint.name() + " on " + table;
    }

    @Override
    public Subject subject() {
        return Subject.CONSTRAINT;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.addCheck(this);
    }
}
