package io.migratewatch.diff;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

public record RenameColumn(String table, String from, String to) implements Change {

    @Override
    public Change reverse() {
        return new RenameColumn(table, to, from);
    }

    @Override
    public String describe() {
        return "rename " + table + "." + from + " to " + to;
    }

    @Override
    public List<String> tables() {
        return List.of(table);
    }

    @Override
    public Subject subject() {
        return Subject.COLUMN;
    }

    @Override
    public Optional<DataLoss> loss(LiveData data) throws SQLException {
        return Optional.empty();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.renameColumn(this);
    }
}
