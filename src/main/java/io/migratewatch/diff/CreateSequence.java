package io.migratewatch.diff;

import io.migratewatch.schema.Sequence;

public record CreateSequence(Sequence sequence) implements SequenceChange, Lossless {

    @Override
    public Change reverse() {
        return new DropSequence(sequence);
    }

    @Override
    public String describe() {
        return "create sequence " + sequence.name();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.createSequence(this);
    }

    @Override
    public String sequenceName() {
        return sequence.name();
    }
}
