package io.migratewatch.diff;

import io.migratewatch.schema.Identity;

import java.util.Locale;

public record AlterColumnIdentity(String table, String column, Identity from, Identity to) implements TableChange, Lossless {

    @Override
    public Change reverse() {
        return new AlterColumnIdentity(table, column, to, from);
    }

    @Override
    public String describe() {
        return "change identity of " + table + "." + column + " to " + to.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    @Override
    public Subject subject() {
        return Subject.COLUMN;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.alterColumnIdentity(this);
    }
}
