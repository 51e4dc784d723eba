package io.migratewatch.diff;

import io.migratewatch.schema.Sequence;

import java.util.List;

public record AlterSequence(Sequence from, Sequence to) implements Lossless {

    @Override
    public Change reverse() {
        return new AlterSequence(to, from);
    }

    @Override
    public String describe() {
        return "alter sequence " + to.name();
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
        return visitor.alterSequence(this);
    }
}
