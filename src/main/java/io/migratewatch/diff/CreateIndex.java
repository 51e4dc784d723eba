package io.migratewatch.diff;

import io.migratewatch.schema.Index;

public record CreateIndex(String table, Index index) implements TableChange, Lossless {

    @Override
    public Change reverse() {
        return new DropIndex(table, index);
    }

    @Override
    public String describe() {
        return "create index " + index.name() + " on " + table;
    }

    @Override
    public Subject subject() {
        return Subject.INDEX;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.createIndex(this);
    }
}
