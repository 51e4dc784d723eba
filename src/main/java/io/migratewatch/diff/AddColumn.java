package io.migratewatch.diff;

import io.migratewatch.schema.Column;
import io.migratewatch.schema.Identity;

import java.sql.SQLException;
import java.util.Optional;

public record AddColumn(String table, Column column) implements TableChange {

    @Override
    public Change reverse() {
        return new DropColumn(table, column);
    }

    /** A NOT NULL column without a default cannot be added to a table that has rows. */
    public boolean needsEmptyTable() {
        return !column.nullable() && column.defaultValue() == null
                && column.identity() == Identity.NONE;
    }

    @Override
    public String describe() {
        return "add " + table + "." + column.name();
    }

    @Override
    public Subject subject() {
        return Subject.COLUMN;
    }

    @Override
    public Optional<DataLoss> loss(LiveData data) throws SQLException {
        if (!needsEmptyTable()) {
            return Optional.empty();
        }
        long rows = data.rows(table);
        return DataLoss.of(this, rows, "adds NOT NULL column " + table + "." + column.name() + " without a default to a table with "
                + DataLoss.count(rows, "row") + ": give it a default (@ColumnDefault) or make it nullable first");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.addColumn(this);
    }
}
