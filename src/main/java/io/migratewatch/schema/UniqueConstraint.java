package io.migratewatch.schema;

import java.util.List;
import java.util.Objects;

public record UniqueConstraint(String name, List<String> columns) implements Constraint {

    public UniqueConstraint {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a unique constraint needs at least one column");
        }
    }

    public UniqueConstraint withName(String newName) {
        return new UniqueConstraint(newName, columns);
    }

    @Override
    public Object key() {
        return columns;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UniqueConstraint other && columns.equals(other.columns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(columns);
    }
}
