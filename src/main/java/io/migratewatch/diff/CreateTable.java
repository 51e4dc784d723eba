package io.migratewatch.diff;

import io.migratewatch.schema.Table;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Creates a table with its columns, primary key, unique and check constraints (foreign keys and indexes are separate changes). */
public record CreateTable(Table table) implements Change {

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
    public Optional<DataLoss> loss(LiveData data) throws SQLException {
        return Optional.empty();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.createTable(this);
    }
}
