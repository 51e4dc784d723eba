package io.migratewatch.diff;

/**
 * A key or check constraint takes another name, for one whose name depends on a renamed table or column (as
 * {@code <table>_pkey} and Hibernate's hashed foreign key names do): the database then names it as the models do.
 */
public record RenameConstraint(String table, String from, String to) implements TableChange, Lossless {

    @Override
    public Change reverse() {
        return new RenameConstraint(table, to, from);
    }

    @Override
    public String describe() {
        return "rename constraint " + table + "." + from + " to " + to;
    }

    @Override
    public Subject subject() {
        return Subject.CONSTRAINT;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.renameConstraint(this);
    }
}
