package io.migratewatch.diff;

public record AlterColumnNullability(String table, String column, boolean nullable) implements Change {

    @Override
    public Change reverse() {
        return new AlterColumnNullability(table, column, !nullable);
    }

    @Override
    public String describe() {
        return (nullable ? "make " : "require ") + table + "." + column + (nullable ? " nullable" : " not null");
    }
}
