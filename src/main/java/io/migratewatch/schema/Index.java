package io.migratewatch.schema;

import java.util.List;
import java.util.Objects;

/** A CREATE INDEX index (not one that backs a constraint). {@code where} is the predicate of a partial index. */
public record Index(String name, List<IndexColumn> columns, boolean unique, String where) implements Constraint {

    public Index {
        columns = List.copyOf(columns);
        where = where == null || where.isBlank() ? null : where;
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("an index needs at least one key");
        }
    }

    public Index withName(String newName) {
        return new Index(newName, columns, unique, where);
    }

    @Override
    public Object key() {
        return List.of(columns, unique, where == null ? "" : SqlExpressions.canonicalCheck(where));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Index other && key().equals(other.key());
    }

    @Override
    public int hashCode() {
        return Objects.hash(key());
    }
}
