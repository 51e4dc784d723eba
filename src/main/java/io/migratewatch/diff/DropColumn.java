package io.migratewatch.diff;

import io.migratewatch.schema.Column;

import java.sql.SQLException;
import java.util.Optional;

public record DropColumn(String table, Column column) implements TableChange {

    @Override
    public Change reverse() {
        return new AddColumn(table, column);
    }

    @Override
    public String describe() {
        return "drop " + table + "." + column.name();
    }

    @Override
    public Subject subject() {
        return Subject.COLUMN;
    }

    @Override
    public Optional<DataLoss> loss(LiveData data) throws SQLException {
        long values = data.values(table, column.name());
        return DataLoss.of(this, values, "drops column " + table + "." + column.name() + " (" + DataLoss.count(values, "value") + ")");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.dropColumn(this);
    }
}
