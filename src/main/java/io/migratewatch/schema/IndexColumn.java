package io.migratewatch.schema;

import java.util.Objects;

/**
 * One key of an index: a column name, or an expression for expression indexes. The expression is
 * kept as written, so it can be rendered again; equality compares its canonical form.
 */
public record IndexColumn(String column, String expression, boolean descending) implements java.io.Serializable {

    public IndexColumn {
        if ((column == null) == (expression == null)) {
            throw new IllegalArgumentException("an index key is either a column or an expression");
        }
    }

    public static IndexColumn of(String column) {
        return new IndexColumn(column, null, false);
    }

    public static IndexColumn descending(String column) {
        return new IndexColumn(column, null, true);
    }

    private String expressionKey() {
        return expression == null ? null : SqlExpressions.canonicalCheck(expression);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndexColumn k && Objects.equals(column, k.column) && Objects.equals(expressionKey(), k.expressionKey())
                && descending == k.descending;
    }

    @Override
    public int hashCode() {
        return Objects.hash(column, expressionKey(), descending);
    }

    /** Canonical, so that sorting constraints by their keys orders equal indexes alike. */
    @Override
    public String toString() {
        return (column != null ? column : "(" + expressionKey() + ")") + (descending ? " DESC" : "");
    }
}
