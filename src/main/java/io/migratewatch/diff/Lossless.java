package io.migratewatch.diff;

import java.util.Optional;

/**
 * A change that cannot lose data on any data: it adds, renames or re-describes, and its failure
 * (a constraint the rows violate) rolls back rather than loses. A change type says so by
 * implementing this; otherwise it must say what it loses.
 */
public sealed interface Lossless extends Change permits CreateTable, RenameTable, RenameColumn, RenameConstraint, RenameIndex, AlterColumnDefault,
        AlterColumnIdentity, AddPrimaryKey, DropPrimaryKey, AddForeignKey, DropForeignKey, AddUnique, DropUnique,
        CreateIndex, DropIndex, AddCheck, DropCheck, CreateSequence, AlterSequence, SetComment {

    @Override
    default Optional<DataLoss> loss(LiveData data) {
        return Optional.empty();
    }
}
