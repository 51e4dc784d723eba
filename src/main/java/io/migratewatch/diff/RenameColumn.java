package io.migratewatch.diff;

public record RenameColumn(String table, String from, String to) implements Change {

    @Override
    public Change reverse() {
        return new RenameColumn(table, to, from);
    }

    @Override
    public String describe() {
        return "rename " + table + "." + from + " to " + to;
    }
}
