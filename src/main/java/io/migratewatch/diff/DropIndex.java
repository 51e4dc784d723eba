package io.migratewatch.diff;

import io.migratewatch.schema.Index;

public record DropIndex(String table, Index index) implements TableChange, Lossless {

    @Override
    public Change reverse() {
        return new CreateIndex(table, index);
    }

    @Override
    public String describe() {
        return "drop index " + index.name() + " on " + table;
    }

    @Override
    public Subject subject() {
        return Subject.INDEX;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.dropIndex(this);
    }
}
