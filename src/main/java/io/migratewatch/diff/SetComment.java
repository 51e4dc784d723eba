package io.migratewatch.diff;

import io.migratewatch.schema.CommentTarget;

/** Sets, changes or removes ({@code to} null) the comment of a table or column. */
public record SetComment(CommentTarget target, String from, String to) implements TableChange, Lossless {

    @Override
    public Change reverse() {
        return new SetComment(target, to, from);
    }

    @Override
    public String describe() {
        return (to == null ? "remove the comment on " : "comment on ") + target;
    }

    @Override
    public String table() {
        return target.table();
    }

    @Override
    public Subject subject() {
        return target.isTable() ? Subject.TABLE : Subject.COLUMN;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.setComment(this);
    }
}
