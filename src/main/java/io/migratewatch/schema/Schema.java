package io.migratewatch.schema;

import java.util.Collection;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The tables and sequences of one PostgreSQL schema. The same value is produced from entity
 * sources (what is wanted) and from the live database (what is there), so the diff never needs
 * to know where a schema came from.
 */
public record Schema(SortedMap<String, Table> tables, SortedMap<String, Sequence> sequences,
                     SortedMap<CommentTarget, String> comments) implements java.io.Serializable {

    public static final Schema EMPTY = new Schema(new TreeMap<>(), new TreeMap<>());

    public Schema {
        tables = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(tables));
        sequences = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(sequences));
        comments = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(comments));
    }

    /** A schema without comments. */
    public Schema(SortedMap<String, Table> tables, SortedMap<String, Sequence> sequences) {
        this(tables, sequences, new TreeMap<>());
    }

    /** This schema with these comments on its tables and columns (those on other objects are dropped). */
    public Schema withComments(java.util.Map<CommentTarget, String> newComments) {
        SortedMap<CommentTarget, String> kept = new TreeMap<>();
        newComments.forEach((target, text) -> {
            Table t = tables.get(target.table());
            if (t != null && (target.isTable() || t.column(target.column()).isPresent())) {
                kept.put(target, text);
            }
        });
        return new Schema(tables, sequences, kept);
    }

    public static Schema of(Collection<Table> tables, Collection<Sequence> sequences) {
        SortedMap<String, Table> t = new TreeMap<>();
        for (Table table : tables) {
            if (t.put(table.name(), table) != null) {
                throw new IllegalArgumentException("two tables are named " + table.name());
            }
        }
        SortedMap<String, Sequence> s = new TreeMap<>();
        sequences.forEach(seq -> s.put(seq.name(), seq));
        return new Schema(t, s);
    }

    public Optional<Table> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    public boolean isEmpty() {
        return tables.isEmpty() && sequences.isEmpty();
    }

    /** This schema without the named tables (used to leave unmanaged tables out of a diff). */
    public Schema without(Collection<String> tableNames) {
        if (tableNames.isEmpty()) {
            return this;
        }
        SortedMap<String, Table> t = new TreeMap<>(tables);
        tableNames.forEach(t::remove);
        // a foreign key into a table left alone is left alone too: creating it would fail, dropping it would be wrong
        t.replaceAll((name, table) -> table.foreignKeys().stream().anyMatch(fk -> tableNames.contains(fk.referencedTable()))
                ? table.withForeignKeys(table.foreignKeys().stream().filter(fk -> !tableNames.contains(fk.referencedTable())).toList())
                : table);
        return new Schema(t, sequences).withComments(comments);
    }

    /**
     * This schema with the named tables as {@code fresh} has them (a name {@code fresh} lacks is gone) and with
     * {@code fresh}'s sequences: what a new read of just those tables (and every sequence) makes of a schema read before.
     */
    public Schema withTablesFrom(Schema fresh, Collection<String> tableNames) {
        SortedMap<String, Table> t = new TreeMap<>(tables);
        SortedMap<CommentTarget, String> c = new TreeMap<>(comments);
        for (String name : tableNames) {
            t.remove(name);
            fresh.table(name).ifPresent(table -> t.put(name, table));
            c.keySet().removeIf(target -> target.table().equals(name));
        }
        fresh.comments().forEach((target, text) -> {
            if (tableNames.contains(target.table())) {
                c.put(target, text);
            }
        });
        return new Schema(t, fresh.sequences(), c);
    }

    /** This schema with only the named tables (and every sequence). */
    public Schema only(Collection<String> tableNames) {
        SortedMap<String, Table> t = new TreeMap<>();
        for (String name : tableNames) {
            Table table = tables.get(name);
            if (table != null) {
                t.put(name, table);
            }
        }
        return new Schema(t, sequences).withComments(comments);
    }
}
