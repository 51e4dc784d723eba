package io.migratewatch.diff;

import io.migratewatch.schema.ForeignKey;

public record DropForeignKey(String table, ForeignKey constraint) implements TableChange, Lossless {

    @Override
    public Change reverse() {
        return new AddForeignKey(table, constraint);
    }

    @Override
    public String describe() {
        return "drop foreign key " + constraint.name() + " on " + table;
    }

    @Override
    public Subject subject() {
        return Subject.CONSTRAINT;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.dropForeignKey(this);
    }
}
