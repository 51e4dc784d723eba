package io.migratewatch.diff;

import io.migratewatch.schema.PrimaryKey;

public record AddPrimaryKey(String table, PrimaryKey constraint) implements TableChange, Lossless {

    @Override
    public Change reverse() {
        return new DropPrimaryKey(table, constraint);
    }

    @Override
    public String describe() {
        return "add primary key " + constraint.name() + " on " + table;
    }

    @Override
    public Subject subject() {
        return Subject.CONSTRAINT;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.addPrimaryKey(this);
    }
}
