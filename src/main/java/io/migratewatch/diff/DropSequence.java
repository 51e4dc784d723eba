package io.migratewatch.diff;

import io.migratewatch.schema.Sequence;

/** Drops a sequence. Its position is lost, which a later CREATE cannot restore: counted as data loss. */
public record DropSequence(Sequence sequence) implements Change {

    @Override
    public Change reverse() {
        return new CreateSequence(sequence);
    }

    @Override
    public String describe() {
        return "drop sequence " + sequence.name();
    }
}
