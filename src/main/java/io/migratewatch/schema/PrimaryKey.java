package io.migratewatch.schema;

import java.util.List;
import java.util.Objects;

public record PrimaryKey(String name, List<String> columns) implements Constraint {

    public PrimaryKey {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a primary key needs at least one column");
        }
    }

    public PrimaryKey withName(String newName) {
        return new PrimaryKey(newName, columns);
    }

    @Override
    public Object key() {
        return columns;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrimaryKey other && columns.equals(other.columns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(columns);
    }
}
