package io.migratewatch.source;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The entity inheritance hierarchies of a model: each entity's nearest entity superclass, its
 * direct entity subclasses (in the order Hibernate binds them: by class name), and each
 * hierarchy's strategy, declared by {@code @Inheritance} on its root.
 */
final class Hierarchies {

    enum Strategy { SINGLE_TABLE, JOINED, TABLE_PER_CLASS }

    private final Map<String, TypeInfo> parents = new HashMap<>();
    private final Map<String, List<TypeInfo>> children = new HashMap<>();

    static Hierarchies of(List<TypeInfo> entities, TypeIndex index) {
        Hierarchies h = new Hierarchies();
        for (TypeInfo entity : entities) {
            Set<String> seen = new HashSet<>();
            TypeInfo current = entity;
            while (seen.add(current.qualifiedName())) {
                TypeName sup = index.superclass(current);
                if (!sup.isWatched()) {
                    break;
                }
                current = sup.watched();
                if (current.has(Family.JPA, "Entity")) {
                    h.parents.put(entity.qualifiedName(), current);
                    h.children.computeIfAbsent(current.qualifiedName(), k -> new ArrayList<>()).add(entity);
                    break;
                }
            }
        }
        h.children.values().forEach(list -> list.sort(Comparator.comparing(TypeInfo::qualifiedName)));
        return h;
    }

    /** The nearest entity this one extends, or null. */
    TypeInfo parent(TypeInfo entity) {
        return parents.get(entity.qualifiedName());
    }

    List<TypeInfo> children(TypeInfo entity) {
        return children.getOrDefault(entity.qualifiedName(), List.of());
    }

    TypeInfo root(TypeInfo entity) {
        TypeInfo current = entity;
        while (parent(current) != null) {
            current = parent(current);
        }
        return current;
    }

    /** True for an entity that extends an entity or is extended by one ({@code @Inheritance} alone makes no hierarchy). */
    boolean inHierarchy(TypeInfo entity) {
        return parent(entity) != null || !children(entity).isEmpty();
    }

    /**
     * Every entity below this one, each one's own subclasses before itself, as Hibernate lists the
     * discriminator values of a hierarchy.
     */
    List<TypeInfo> descendants(TypeInfo entity) {
        List<TypeInfo> out = new ArrayList<>();
        for (TypeInfo child : children(entity)) {
            out.addAll(descendants(child));
            out.add(child);
        }
        return out;
    }

    /** Parents first: the order in which a subclass's columns are added to a single table. */
    List<TypeInfo> descendantsTopDown(TypeInfo entity) {
        List<TypeInfo> out = new ArrayList<>();
        for (TypeInfo child : children(entity)) {
            out.add(child);
            out.addAll(descendantsTopDown(child));
        }
        return out;
    }

    Strategy strategy(TypeInfo entity, ConstantResolver constants) {
        TypeInfo root = root(entity);
        return root.annotation(Family.JPA, "Inheritance")
                .map(a -> Strategy.valueOf(constants.enumName(new Ann(a, root), "strategy", "SINGLE_TABLE")))
                .orElse(Strategy.SINGLE_TABLE);
    }

    /** Changes whenever any entity's place in a hierarchy changes: then no cached mapping is trusted. */
    String signature() {
        return new java.util.TreeMap<>(parents).entrySet().stream().map(e -> e.getKey() + "<" + e.getValue().qualifiedName())
                .reduce("", (a, b) -> a + ";" + b);
    }
}
