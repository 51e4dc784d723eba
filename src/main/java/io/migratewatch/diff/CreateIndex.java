package io.migratewatch.diff;

import io.migratewatch.schema.Index;

public record CreateIndex(String table, Index index) implements Change {

    @Override
    public Change reverse() {
        return new DropIndex(table, index);
    }

    @Override
    public String describe() {
        return "create index " + index.name() + " on " + table;
    }
}
