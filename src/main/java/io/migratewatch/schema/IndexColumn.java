package io.migratewatch.schema;

/** One key of an index: a column name, or an expression for expression indexes. */
public record IndexColumn(String column, String expression, boolean descending) {

    public IndexColumn {
        if ((column == null) == (expression == null)) {
            throw new IllegalArgumentException("an index key is either a column or an expression");
        }
        expression = expression == null ? null : SqlExpressions.canonicalCheck(expression);
    }

    public static IndexColumn of(String column) {
        return new IndexColumn(column, null, false);
    }

    public static IndexColumn descending(String column) {
        return new IndexColumn(column, null, true);
    }
}
