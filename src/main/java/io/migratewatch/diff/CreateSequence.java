package io.migratewatch.diff;

import io.migratewatch.schema.Sequence;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

public record CreateSequence(Sequence sequence) implements Change {

    @Override
    public Change reverse() {
        return new DropSequence(sequence);
    }

    @Override
    public String describe() {
        return "create sequence " + sequence.name();
    }

    @Override
    public List<String> tables() {
        return List.of();
    }

    @Override
    public Subject subject() {
        return Subject.SEQUENCE;
    }

    @Override
    public Optional<DataLoss> loss(LiveData data) throws SQLException {
        return Optional.empty();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.createSequence(this);
    }
}
