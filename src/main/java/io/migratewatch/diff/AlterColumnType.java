package io.migratewatch.diff;

import io.migratewatch.schema.ColumnType;

import java.sql.SQLException;
import java.util.Optional;

public record AlterColumnType(String table, String column, ColumnType from, ColumnType to) implements TableChange {

    @Override
    public Change reverse() {
        return new AlterColumnType(table, column, to, from);
    }

    @Override
    public String describe() {
        return "change type of " + table + "." + column + " from " + from + " to " + to;
    }

    @Override
    public Subject subject() {
        return Subject.COLUMN;
    }

    @Override
    public Optional<DataLoss> loss(LiveData data) throws SQLException {
        if (TypeWidening.isWidening(from, to)) {
            return Optional.empty();
        }
        long values = data.values(table, column);
        return DataLoss.of(this, values, "narrows " + table + "." + column + " from " + from + " to " + to
                + " (" + DataLoss.count(values, "value") + " may not fit)");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.alterColumnType(this);
    }
}
