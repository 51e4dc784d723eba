package io.migratewatch.diff;

import io.migratewatch.schema.Index;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

public record CreateIndex(String table, Index index) implements Change {

    @Override
    public Change reverse() {
        return new DropIndex(table, index);
    }

    @Override
    public String describe() {
        return "create index " + index.name() + " on " + table;
    }

    @Override
    public List<String> tables() {
        return List.of(table);
    }

    @Override
    public Subject subject() {
        return Subject.INDEX;
    }

    @Override
    public Optional<DataLoss> loss(LiveData data) throws SQLException {
        return Optional.empty();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.createIndex(this);
    }
}
