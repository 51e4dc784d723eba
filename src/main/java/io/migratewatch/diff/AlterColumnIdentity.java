package io.migratewatch.diff;

import io.migratewatch.schema.Identity;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

public record AlterColumnIdentity(String table, String column, Identity from, Identity to) implements Change {

    @Override
    public Change reverse() {
        return new AlterColumnIdentity(table, column, to, from);
    }

    @Override
    public String describe() {
        return "change identity of " + table + "." + column + " to " + to.name().toLowerCase(Locale.ROOT).replace('_', ' ');
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
        return visitor.alterColumnIdentity(this);
    }
}
