package io.migratewatch.diff;

import io.migratewatch.schema.Sequence;

import java.sql.SQLException;
import java.util.Optional;

/** Drops a sequence. Its position is lost, which a later CREATE cannot restore: counted as data loss. */
public record DropSequence(Sequence sequence) implements SequenceChange {

    @Override
    public Change reverse() {
        return new CreateSequence(sequence);
    }

    @Override
    public String describe() {
        return "drop sequence " + sequence.name();
    }

    @Override
    public Optional<DataLoss> loss(LiveData data) throws SQLException {
        long position = data.sequencePosition(sequence.name());
        return DataLoss.of(this, position, "drops sequence " + sequence.name() + " (at " + position
                + "; a new one would hand out used values again)");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.dropSequence(this);
    }

    @Override
    public String sequenceName() {
        return sequence.name();
    }
}
