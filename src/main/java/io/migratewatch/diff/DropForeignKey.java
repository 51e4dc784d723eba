package io.migratewatch.diff;

import io.migratewatch.schema.ForeignKey;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

public record DropForeignKey(String table, ForeignKey constraint) implements Change {

    @Override
    public Change reverse() {
        return new AddForeignKey(table, constraint);
    }

    @Override
    public String describe() {
        return "drop foreign key " + constraint.name() + " on " + table;
    }

    @Override
    public List<String> tables() {
        return List.of(table);
    }

    @Override
    public Subject subject() {
        return Subject.CONSTRAINT;
    }

    @Override
    public Optional<DataLoss> loss(LiveData data) throws SQLException {
        return Optional.empty();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.dropForeignKey(this);
    }
}
