package io.migratewatch.source;

import com.github.javaparser.ast.Node;

import java.util.Set;

/**
 * A mapping that is not supported yet, found in an entity: what it is (e.g. {@code @ManyToMany}),
 * where, and any further tables it touches (a join table, the target of a foreign key column),
 * which must be left out of migrations together with the entity's own table.
 */
record Finding(String what, TypeInfo owner, Node where, Set<String> otherTables) {

    Finding {
        otherTables = Set.copyOf(otherTables);
    }

    static Finding of(String what, TypeInfo owner, Node where) {
        return new Finding(what, owner, where, Set.of());
    }
}
