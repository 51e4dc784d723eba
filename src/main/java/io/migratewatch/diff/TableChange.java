package io.migratewatch.diff;

import java.util.List;

/** A change inside one existing table: one of its columns, keys, constraints or indexes. */
public sealed interface TableChange extends Change permits AddColumn, DropColumn, RenameColumn, RenameConstraint, RenameIndex, AlterColumnType,
        AlterColumnNullability, AlterColumnDefault, AlterColumnIdentity, AddPrimaryKey, DropPrimaryKey, AddForeignKey,
        DropForeignKey, AddUnique, DropUnique, CreateIndex, DropIndex, AddCheck, DropCheck, SetComment {

    /** The table the change is made in. */
    String table();

    @Override
    default List<String> tables() {
        return List.of(table());
    }
}
