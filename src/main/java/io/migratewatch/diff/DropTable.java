package io.migratewatch.diff;

import io.migratewatch.schema.Table;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Drops a table; it carries the whole definition so that its reverse can create it again. */
public record DropTable(Table table) implements Change {

    @Override
    public Change reverse() {
        return new CreateTable(table);
    }

    @Override
    public String describe() {
        return "drop table " + table.name();
    }

    @Override
    public List<String> tables() {
        return List.of(table.name());
    }

    @Override
    public Subject subject() {
        return Subject.TABLE;
    }

    @Override
    public Optional<DataLoss> loss(LiveData data) throws SQLException {
        long rows = data.rows(table.name());
        return DataLoss.of(this, rows, "drops table " + table.name() + " (" + DataLoss.count(rows, "row") + ")");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.dropTable(this);
    }
}
