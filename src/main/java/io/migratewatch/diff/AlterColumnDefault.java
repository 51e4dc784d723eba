package io.migratewatch.diff;

/** Sets or drops a column default; a null default means none. */
public record AlterColumnDefault(String table, String column, String from, String to) implements TableChange, Lossless {

    @Override
    public Change reverse() {
        return new AlterColumnDefault(table, column, to, from);
    }

    @Override
    public String describe() {
        return (to == null ? "drop default of " : "set default of ") + table + "." + column;
    }

    @Override
    public Subject subject() {
        return Subject.COLUMN;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.alterColumnDefault(this);
    }
}
