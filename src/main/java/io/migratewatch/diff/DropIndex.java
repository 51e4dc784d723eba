package io.migratewatch.diff;

import io.migratewatch.schema.Index;

public record DropIndex(String table, Index index) implements Change {

    @Override
    public Change reverse() {
        return new CreateIndex(table, index);
    }

    @Override
    public String describe() {
        return "drop index " + index.name() + " on " + table;
    }
}
