package io.migratewatch.diff;

import io.migratewatch.schema.Sequence;

public record AlterSequence(Sequence from, Sequence to) implements SequenceChange, Lossless {

    @Override
    public Change reverse() {
        return new AlterSequence(to, from);
    }

    @Override
    public String describe() {
        return "alter sequence " + to.name();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.alterSequence(this);
    }

    @Override
    public String sequenceName() {
        return to.name();
    }
}
