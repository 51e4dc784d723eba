package io.migratewatch.diff;

import io.migratewatch.schema.Identity;

public record AlterColumnIdentity(String table, String column, Identity from, Identity to) implements Change {

    @Override
    public Change reverse() {
        return new AlterColumnIdentity(table, column, to, from);
    }

    @Override
    public String describe() {
        return "change identity of " + table + "." + column + " to " + to.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
