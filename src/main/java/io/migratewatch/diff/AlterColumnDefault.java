package io.migratewatch.diff;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Sets or drops a column default; a null default means none. */
public record AlterColumnDefault(String table, String column, String from, String to) implements Change {

    @Override
    public Change reverse() {
        return new AlterColumnDefault(table, column, to, from);
    }

    @Override
    public String describe() {
        return (to == null ? "drop default of " : "set default of ") + table + "." + column;
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
        return visitor.alterColumnDefault(this);
    }
}
