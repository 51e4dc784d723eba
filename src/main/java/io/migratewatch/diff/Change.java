package io.migratewatch.diff;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * One step from one schema towards another. Everything a change means lives here or in a
 * {@link Visitor}: its reverse (so a down section is the up section reversed), the tables it
 * touches, what it can lose on live data, and how to say it. The visitor has one method per change
 * and {@link #loss} has no default (a change that cannot lose data says so by being
 * {@link Lossless}), so a new change type is a compile error wherever it is not yet handled.
 */
public sealed interface Change permits TableChange, SequenceChange, Lossless, DropTable {

    /** What a change is about: a migration is described by its table and column changes first. */
    enum Subject { TABLE, COLUMN, CONSTRAINT, INDEX, SEQUENCE }

    /** The change that undoes this one. */
    Change reverse();

    /** The tables this change creates, alters or drops; empty for sequences. A check of its effect reads only these. */
    List<String> tables();

    Subject subject();

    /**
     * What applying this change would lose on the data as it is now, or empty when it loses nothing
     * there. The one place that decides data loss: the generate command, the daemon's hold and the
     * diff output all ask this.
     */
    Optional<DataLoss> loss(LiveData data) throws SQLException;

    /** True when, on some data, this change can lose values: {@link #loss} on tables full of rows, values and NULLs. */
    default boolean canLoseData() {
        try {
            return loss(LiveData.FILLED).isPresent();
        } catch (SQLException e) {
            throw new IllegalStateException("LiveData.FILLED reads nothing, so it cannot fail", e);
        }
    }

    /** A short, human description such as {@code add users.email}. */
    String describe();

    <R> R accept(Visitor<R> visitor);

    /** One method per change type, so that a consumer that must handle every change is checked by the compiler. */
    interface Visitor<R> {
        R createTable(CreateTable c);

        R dropTable(DropTable c);

        R renameTable(RenameTable c);

        R addColumn(AddColumn c);

        R dropColumn(DropColumn c);

        R renameColumn(RenameColumn c);

        R renameConstraint(RenameConstraint c);

        R renameIndex(RenameIndex c);

        R alterColumnType(AlterColumnType c);

        R alterColumnNullability(AlterColumnNullability c);

        R alterColumnDefault(AlterColumnDefault c);

        R alterColumnIdentity(AlterColumnIdentity c);

        R addPrimaryKey(AddPrimaryKey c);

        R dropPrimaryKey(DropPrimaryKey c);

        R addForeignKey(AddForeignKey c);

        R dropForeignKey(DropForeignKey c);

        R addUnique(AddUnique c);

        R dropUnique(DropUnique c);

        R createIndex(CreateIndex c);

        R dropIndex(DropIndex c);

        R addCheck(AddCheck c);

        R dropCheck(DropCheck c);

        R createSequence(CreateSequence c);

        R dropSequence(DropSequence c);

        R alterSequence(AlterSequence c);

        R setComment(SetComment c);
    }
}
