package io.migratewatch.diff;

import io.migratewatch.schema.PrimaryKey;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

public record AddPrimaryKey(String table, PrimaryKey constraint) implements Change {

    @Override
    public Change reverse() {
        return new DropPrimaryKey(table, constraint);
    }

    @Override
    public String describe() {
        return "add primary key " + constraint.name() + " on " + table;
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
        return visitor.addPrimaryKey(this);
    }
}
