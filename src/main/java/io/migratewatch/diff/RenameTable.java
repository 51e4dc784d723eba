package io.migratewatch.diff;

import java.util.List;

public record RenameTable(String from, String to) implements Lossless {

    @Override
    public Change reverse() {
        return new RenameTable(to, from);
    }

    @Override
    public String describe() {
        return "rename table " + from + " to " + to;
    }

    @Override
    public List<String> tables() {
        return List.of(from, to);
    }

    @Override
    public Subject subject() {
        return Subject.TABLE;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.renameTable(this);
    }
}
