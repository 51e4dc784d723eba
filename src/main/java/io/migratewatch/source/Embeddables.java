package io.migratewatch.source;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Embedded values flattened into the fields that become columns: an {@code @Embedded} (or
 * {@code @EmbeddedId}, or simply {@code @Embeddable}-typed) field stands for the fields of its
 * embeddable, nested embeddables included, each with the {@code @AttributeOverride} /
 * {@code @AssociationOverride} that names its path. The outermost override wins, as in JPA.
 */
final class Embeddables {

    /** Overrides by attribute path ({@code address.city}). */
    record Overrides(Map<String, Ann> columns, Map<String, Ann> joins) {

        static final Overrides NONE = new Overrides(Map.of(), Map.of());

        /** These overrides, then those declared by {@code on} for paths under {@code prefix} where none is set yet. */
        Overrides plus(Overrides declared, String prefix) {
            Map<String, Ann> c = new LinkedHashMap<>(columns);
            Map<String, Ann> j = new LinkedHashMap<>(joins);
            declared.columns().forEach((path, ann) -> c.putIfAbsent(prefix + path, ann));
            declared.joins().forEach((path, ann) -> j.putIfAbsent(prefix + path, ann));
            return new Overrides(c, j);
        }
    }

    private final MappingContext ctx;

    Embeddables(MappingContext ctx) {
        this.ctx = ctx;
    }

    /** The embeddable type of a field, when the field holds an embedded value. */
    Optional<TypeInfo> embeddableOf(Attribute a) {
        JavaType type = ctx.typeOf(a);
        if (type instanceof JavaType.Named n && n.watched() != null && n.watched().has(Family.JPA, "Embeddable")) {
            ctx.dependencies.add(n.watched());
            return Optional.of(n.watched());
        }
        if (a.has(Family.JPA, "Embedded") || a.has(Family.JPA, "EmbeddedId")) {
            String shown = type instanceof JavaType.Named n ? n.simpleName() : type.display();
            throw MappingError.at(a.owner(), a.variable().getType(), (a.has(Family.JPA, "EmbeddedId") ? "@EmbeddedId" : "@Embedded")
                    + " field " + a.name() + " has type " + shown + ", which is not an @Embeddable class in the watched sources");
        }
        return Optional.empty();
    }

    /** The overrides an annotated element declares: {@code @AttributeOverride(s)} and {@code @AssociationOverride(s)}. */
    Overrides declared(java.util.function.BiFunction<Family, String, Optional<Ann>> annotation) {
        Map<String, Ann> columns = new LinkedHashMap<>();
        Map<String, Ann> joins = new LinkedHashMap<>();
        List<Ann> attributeOverrides = new ArrayList<>();
        annotation.apply(Family.JPA, "AttributeOverride").ifPresent(attributeOverrides::add);
        annotation.apply(Family.JPA, "AttributeOverrides").ifPresent(o -> attributeOverrides.addAll(ctx.constants.annotations(o, "value")));
        for (Ann o : attributeOverrides) {
            String name = ctx.constants.string(o, "name", "");
            ctx.constants.annotation(o, "column").ifPresent(c -> columns.putIfAbsent(name, c));
        }
        List<Ann> associationOverrides = new ArrayList<>();
        annotation.apply(Family.JPA, "AssociationOverride").ifPresent(associationOverrides::add);
        annotation.apply(Family.JPA, "AssociationOverrides").ifPresent(o -> associationOverrides.addAll(ctx.constants.annotations(o, "value")));
        for (Ann o : associationOverrides) {
            String name = ctx.constants.string(o, "name", "");
            List<Ann> joinColumns = ctx.constants.annotations(o, "joinColumns");
            if (!joinColumns.isEmpty()) {
                joins.putIfAbsent(name, joinColumns.get(0));
            }
        }
        return new Overrides(columns, joins);
    }

    /**
     * The fields an embedded field stands for, with their paths and overrides, in the order
     * Hibernate binds them.
     *
     * @param outer overrides from further out (the entity class, enclosing embedded fields), by path from the entity
     */
    List<Attribute> flatten(Attribute embedding, TypeInfo embeddable, Overrides outer) {
        List<Attribute> out = new ArrayList<>();
        flatten(embedding, embeddable, outer, new HashSet<>(), out);
        return out;
    }

    private void flatten(Attribute embedding, TypeInfo embeddable, Overrides outer, Set<String> visiting, List<Attribute> out) {
        if (!visiting.add(embeddable.qualifiedName())) {
            throw MappingError.at(embedding.owner(), embedding.variable(), "embeddable " + embeddable.simpleName()
                    + " contains itself through field " + embedding.path());
        }
        String prefix = embedding.path() + ".";
        Overrides overrides = outer.plus(declared(embedding::annotation), prefix);
        for (Attribute field : ctx.attributes.collect(embeddable)) {
            if (field.isTransient()) {
                continue;
            }
            String path = prefix + field.name();
            Attribute placed = field.inEmbeddable(path, overrides.columns().get(path), overrides.joins().get(path));
            Optional<TypeInfo> nested = embeddableOf(placed);
            if (nested.isPresent()) {
                flatten(placed, nested.get(), overrides, visiting, out);
            } else {
                out.add(placed);
            }
        }
        visiting.remove(embeddable.qualifiedName());
    }
}
