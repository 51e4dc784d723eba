package io.migratewatch.diff;

import io.migratewatch.schema.Sequence;

import java.util.List;

public record CreateSequence(Sequence sequence) implements Lossless {

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
    public <R> R accept(Visitor<R> visitor) {
        return visitor.createSequence(this);
    }
}
