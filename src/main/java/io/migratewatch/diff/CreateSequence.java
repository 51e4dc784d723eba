package io.migratewatch.diff;

import io.migratewatch.schema.Sequence;

public record CreateSequence(Sequence sequence) implements Change {

    @Override
    public Change reverse() {
        return new DropSequence(sequence);
    }

    @Override
    public String describe() {
        return "create sequence " + sequence.name();
    }
}
