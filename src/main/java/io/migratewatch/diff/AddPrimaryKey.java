package io.migratewatch.diff;

import io.migratewatch.schema.PrimaryKey;

public record AddPrimaryKey(String table, PrimaryKey constraint) implements Change {

    @Override
    public Change reverse() {
        return new DropPrimaryKey(table, constraint);
    }

    @Override
    public String describe() {
        return "add primary key " + constraint.name() + " on " + table;
    }
}
