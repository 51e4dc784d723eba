package io.migratewatch.diff;

import java.sql.SQLException;
import java.util.Optional;

public record AlterColumnNullability(String table, String column, boolean nullable) implements TableChange {

    @Override
    public Change reverse() {
        return new AlterColumnNullability(table, column, !nullable);
    }

    @Override
    public String describe() {
        return (nullable ? "make " : "require ") + table + "." + column + (nullable ? " nullable" : " not null");
    }

    @Override
    public Subject subject() {
        return Subject.COLUMN;
    }

    @Override
    public Optional<DataLoss> loss(LiveData data) throws SQLException {
        if (nullable) {
            return Optional.empty();
        }
        long nulls = data.nulls(table, column);
        return DataLoss.of(this, nulls, "makes " + table + "." + column + " NOT NULL while " + DataLoss.count(nulls, "row")
                + " hold NULL there: fill them first");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.alterColumnNullability(this);
    }
}
