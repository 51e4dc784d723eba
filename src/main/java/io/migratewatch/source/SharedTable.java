package io.migratewatch.source;

import io.migratewatch.schema.Column;
import io.migratewatch.schema.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One table that two entities map: the union of their columns and constraints, the first
 * entity's column where both have one (entities are mapped in class-name order, as Hibernate
 * binds them). Columns of one name must agree on their type, and the keys must be the same.
 */
final class SharedTable {

    private SharedTable() {
    }

    /** @throws IllegalArgumentException saying what does not agree */
    static Table merge(Table first, Table second) {
        if (first.primaryKey() != null && second.primaryKey() != null
                && !first.primaryKey().columns().equals(second.primaryKey().columns())) {
            throw new IllegalArgumentException("their primary keys differ (" + String.join(", ", first.primaryKey().columns())
                    + " and " + String.join(", ", second.primaryKey().columns()) + ")");
        }
        Map<String, Column> columns = new LinkedHashMap<>();
        first.columns().forEach(c -> columns.put(c.name(), c));
        for (Column c : second.columns()) {
            Column existing = columns.putIfAbsent(c.name(), c);
            if (existing != null && !existing.type().equals(c.type())) {
                throw new IllegalArgumentException("column " + c.name() + " is " + existing.type() + " in one and " + c.type()
                        + " in the other");
            }
        }
        return new Table(first.name(), new ArrayList<>(columns.values()),
                first.primaryKey() != null ? first.primaryKey() : second.primaryKey(),
                union(first.foreignKeys(), second.foreignKeys()), union(first.uniques(), second.uniques()),
                union(first.indexes(), second.indexes()), union(first.checks(), second.checks()));
    }

    private static <T> List<T> union(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        b.stream().filter(x -> !out.contains(x)).forEach(out::add);
        return out;
    }
}
