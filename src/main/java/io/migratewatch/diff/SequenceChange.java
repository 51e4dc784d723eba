package io.migratewatch.diff;

import java.util.List;

/** A change to a sequence: it touches no table. */
public sealed interface SequenceChange extends Change permits CreateSequence, DropSequence, AlterSequence {

    @Override
    default List<String> tables() {
        return List.of();
    }

    @Override
    default Subject subject() {
        return Subject.SEQUENCE;
    }
}
