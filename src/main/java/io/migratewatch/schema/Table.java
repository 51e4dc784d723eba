package io.migratewatch.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A table: columns in creation order, and its constraints. Equality is structural: column order
 * and constraint names do not matter, since PostgreSQL can change neither without a rebuild and
 * the names are often invented. Constraints without a name get the one PostgreSQL would invent,
 * so that every constraint a migration creates can also be dropped by name.
 */
public record Table(String name, List<Column> columns, PrimaryKey primaryKey, List<ForeignKey> foreignKeys,
                    List<UniqueConstraint> uniques, List<Index> indexes, List<CheckConstraint> checks) implements java.io.Serializable {

    public Table {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        String table = name;
        if (primaryKey != null && primaryKey.name() == null) {
            primaryKey = primaryKey.withName(DefaultNames.primaryKey(table));
        }
        foreignKeys = named(foreignKeys, fk -> fk.name() != null ? fk : fk.withName(DefaultNames.foreignKey(table, fk.columns())));
        uniques = named(uniques, u -> u.name() != null ? u : u.withName(DefaultNames.unique(table, u.columns())));
        indexes = named(indexes, i -> i.name() != null ? i : i.withName(DefaultNames.index(table,
                i.columns().stream().map(c -> c.column() == null ? "expr" : c.column()).toList())));
        List<CheckConstraint> namedChecks = new ArrayList<>();
        for (CheckConstraint c : checks == null ? List.<CheckConstraint>of() : checks) {
            namedChecks.add(c.name() != null ? c : c.withName(table + "_check" + (namedChecks.isEmpty() ? "" : namedChecks.size())));
        }
        checks = named(namedChecks, Function.identity());
        Map<String, Column> seen = new LinkedHashMap<>();
        for (Column c : columns) {
            if (seen.put(c.name(), c) != null) {
                throw new IllegalArgumentException("table " + name + " has two columns named " + c.name());
            }
        }
    }

    private static <T extends Constraint> List<T> named(List<T> items, Function<T, T> naming) {
        if (items == null) {
            return List.of();
        }
        return items.stream().map(naming).sorted(Comparator.comparing(c -> c.key().toString())).distinct().toList();
    }

    public static Table of(String name, List<Column> columns, PrimaryKey primaryKey) {
        return new Table(name, columns, primaryKey, List.of(), List.of(), List.of(), List.of());
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public Map<String, Column> columnsByName() {
        Map<String, Column> map = new LinkedHashMap<>();
        columns.forEach(c -> map.put(c.name(), c));
        return map;
    }

    public Table withName(String newName) {
        return new Table(newName, columns, primaryKey, foreignKeys, uniques, indexes, checks);
    }

    public Table withColumns(List<Column> newColumns) {
        return new Table(name, newColumns, primaryKey, foreignKeys, uniques, indexes, checks);
    }

    public Table withPrimaryKey(PrimaryKey newPrimaryKey) {
        return new Table(name, columns, newPrimaryKey, foreignKeys, uniques, indexes, checks);
    }

    public Table withForeignKeys(List<ForeignKey> newForeignKeys) {
        return new Table(name, columns, primaryKey, newForeignKeys, uniques, indexes, checks);
    }

    public Table withIndexes(List<Index> newIndexes) {
        return new Table(name, columns, primaryKey, foreignKeys, uniques, newIndexes, checks);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Table t && name.equals(t.name) && sameColumns(t)
                && Objects.equals(primaryKey, t.primaryKey) && foreignKeys.equals(t.foreignKeys)
                && uniques.equals(t.uniques) && indexes.equals(t.indexes) && checks.equals(t.checks);
    }

    /** The same columns in any order (without building maps: diffs compare thousands of tables). */
    private boolean sameColumns(Table other) {
        if (columns.size() != other.columns.size()) {
            return false;
        }
        for (int i = 0; i < columns.size(); i++) {
            Column mine = columns.get(i);
            Column theirs = other.columns.get(i);
            if (!mine.name().equals(theirs.name())) {
                theirs = other.column(mine.name()).orElse(null);
            }
            if (!mine.equals(theirs)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int columnsHash = 0;
        for (Column c : columns) {
            columnsHash += c.hashCode(); // order-independent, like equality
        }
        return Objects.hash(name, columnsHash, primaryKey, foreignKeys, uniques, indexes, checks);
    }
}
