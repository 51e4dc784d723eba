package io.migratewatch.diff;

import io.migratewatch.schema.Table;

import java.util.List;

/** Creates a table with its columns, primary key, unique and check constraints (foreign keys and indexes are separate changes). */
public record CreateTable(Table table) implements Lossless {

    @Override
    public Change reverse() {
        return new DropTable(table);
    }

    @Override
    public String describe() {
        return "create table " + table.name();
    }

    @Override
    public List<String> tables() {
        return List.of(table.name());
    }

    @Override
    public Subject subject() {
        return Subject.TABLE;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.createTable(this);
    }
}
