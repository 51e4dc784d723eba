package io.migratewatch.diff;

import io.migratewatch.schema.PrimaryKey;

public record DropPrimaryKey(String table, PrimaryKey constraint) implements TableChange, Lossless {

    @Override
    public Change reverse() {
        return new AddPrimaryKey(table, constraint);
    }

    @Override
    public String describe() {
        return "drop primary key " + constraint.name() + " on " + table;
    }

    @Override
    public Subject subject() {
        return Subject.CONSTRAINT;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.dropPrimaryKey(this);
    }
}
