package io.migratewatch.schema;

import java.util.List;
import java.util.Objects;

public record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
                         ReferentialAction onDelete) implements Constraint {

    public ForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
        onDelete = onDelete == null ? ReferentialAction.NO_ACTION : onDelete;
        if (columns.isEmpty() || columns.size() != referencedColumns.size()) {
            throw new IllegalArgumentException("a foreign key needs as many columns as it references");
        }
    }

    public ForeignKey withName(String newName) {
        return new ForeignKey(newName, columns, referencedTable, referencedColumns, onDelete);
    }

    @Override
    public Object key() {
        return List.of(columns, referencedTable, referencedColumns, onDelete);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ForeignKey other && key().equals(other.key());
    }

    @Override
    public int hashCode() {
        return Objects.hash(key());
    }
}
