package io.migratewatch.schema;

import java.util.Comparator;

/** What a comment is on: a table ({@code column} null) or one of its columns. */
public record CommentTarget(String table, String column) implements Comparable<CommentTarget>, java.io.Serializable {

    private static final Comparator<String> COLUMNS = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<CommentTarget> ORDER = Comparator.comparing(CommentTarget::table)
            .thenComparing(CommentTarget::column, COLUMNS);

    public static CommentTarget onTable(String table) {
        return new CommentTarget(table, null);
    }

    public static CommentTarget onColumn(String table, String column) {
        return new CommentTarget(table, column);
    }

    public boolean isTable() {
        return column == null;
    }

    @Override
    public int compareTo(CommentTarget other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return column == null ? table : table + "." + column;
    }
}
