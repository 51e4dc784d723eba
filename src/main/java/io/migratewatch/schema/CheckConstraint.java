package io.migratewatch.schema;

import java.util.Objects;

/**
 * A CHECK constraint. PostgreSQL stores a deparsed form of the expression
 * ({@code status BETWEEN 0 AND 2} comes back as {@code ((status >= 0) AND (status <= 2))}), so
 * equality compares {@link SqlExpressions#canonicalCheck canonical} expressions.
 */
public record CheckConstraint(String name, String expression) implements Constraint {

    public CheckConstraint {
        Objects.requireNonNull(expression, "expression");
    }

    public CheckConstraint withName(String newName) {
        return new CheckConstraint(newName, expression);
    }

    @Override
    public Object key() {
        return SqlExpressions.canonicalCheck(expression);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CheckConstraint other && key().equals(other.key());
    }

    @Override
    public int hashCode() {
        return key().hashCode();
    }
}
