package io.migratewatch.diff;

import io.migratewatch.schema.Sequence;

public record AlterSequence(Sequence from, Sequence to) implements Change {

    @Override
    public Change reverse() {
        return new AlterSequence(to, from);
    }

    @Override
    public String describe() {
        return "alter sequence " + to.name();
    }
}
