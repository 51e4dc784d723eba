package io.migratewatch.diff;

public record RenameColumn(String table, String from, String to) implements TableChange, Lossless {

    @Override
    public Change reverse() {
        return new RenameColumn(table, to, from);
    }

    @Override
    public String describe() {
        return "rename " + table + "." + from + " to " + to;
    }

    @Override
    public Subject subject() {
        return Subject.COLUMN;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.renameColumn(this);
    }
}
