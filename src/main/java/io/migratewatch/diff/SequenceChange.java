package io.migratewatch.diff;

import java.util.List;

/** A change to a sequence: it touches no table. */
public sealed interface SequenceChange extends Change permits CreateSequence, DropSequence, AlterSequence {

    /** The sequence this change creates, alters or drops. */
    String sequenceName();

    @Override
    default List<String> tables() {
        return List.of();
    }

    @Override
    default Subject subject() {
        return Subject.SEQUENCE;
    }
}
