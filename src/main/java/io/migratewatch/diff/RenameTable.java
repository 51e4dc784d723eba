package io.migratewatch.diff;

public record RenameTable(String from, String to) implements Change {

    @Override
    public Change reverse() {
        return new RenameTable(to, from);
    }

    @Override
    public String describe() {
        return "rename table " + from + " to " + to;
    }
}
