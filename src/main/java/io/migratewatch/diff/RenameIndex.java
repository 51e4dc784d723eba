package io.migratewatch.diff;

/** An index takes another name, for one whose name depends on a renamed table or column, like {@link RenameConstraint}. */
public record RenameIndex(String table, String from, String to) implements TableChange, Lossless {

    @Override
    public Change reverse() {
        return new RenameIndex(table, to, from);
    }

    @Override
    public String describe() {
        return "rename index " + table + "." + from + " to " + to;
    }

    @Override
    public Subject subject() {
        return Subject.INDEX;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.renameIndex(this);
    }
}
