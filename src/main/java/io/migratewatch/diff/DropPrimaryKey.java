package io.migratewatch.diff;

import io.migratewatch.schema.PrimaryKey;

public record DropPrimaryKey(String table, PrimaryKey constraint) implements Change {

    @Override
    public Change reverse() {
        return new AddPrimaryKey(table, constraint);
    }

    @Override
    public String describe() {
        return "drop primary key " + constraint.name() + " on " + table;
    }
}
