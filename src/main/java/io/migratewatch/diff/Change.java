package io.migratewatch.diff;

/**
 * One step from one schema towards another. Every change knows its own reverse, so a migration's
 * down section is its up section reversed, and whether it can lose data, so that such a change is
 * never applied without review.
 */
public sealed interface Change permits CreateTable, DropTable, RenameTable, AddColumn, DropColumn, RenameColumn,
        AlterColumnType, AlterColumnNullability, AlterColumnDefault, AlterColumnIdentity,
        AddPrimaryKey, DropPrimaryKey, AddForeignKey, DropForeignKey, AddUnique, DropUnique,
        CreateIndex, DropIndex, AddCheck, DropCheck, CreateSequence, DropSequence, AlterSequence {

    /** The change that undoes this one. */
    Change reverse();

    /** True when applying this change to a table holding rows may lose values. */
    default boolean canLoseData() {
        return false;
    }

    /** A short, human description such as {@code add users.email}. */
    String describe();
}
