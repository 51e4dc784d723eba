package io.migratewatch.diff;

import io.migratewatch.schema.UniqueConstraint;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

public record DropUnique(String table, UniqueConstraint constraint) implements Change {

    @Override
    public Change reverse() {
        return new AddUnique(table, constraint);
    }

    @Override
    public String describe() {
        return "drop unique constraint " + constraint.name() + " on " + table;
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
        return visitor.dropUnique(this);
    }
}
