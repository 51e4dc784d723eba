package io.migratewatch.source;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the mappings that are not supported yet in one entity, before it is mapped: an entity
 * with any of them is left out of migrations as a whole (never a wrong schema). The scan is
 * forgiving — what cannot be resolved here is reported by the mapping itself.
 */
final class UnsupportedMappings {

    private static final List<String> JPA_ON_FIELDS = List.of(
            "Converts", "MapKeyJoinColumn", "MapKeyClass", "MapKeyTemporal", "MapKeyEnumerated", "JoinColumns",
            "PrimaryKeyJoinColumn", "PrimaryKeyJoinColumns");
    private static final List<String> HIBERNATE_ON_FIELDS = List.of(
            "JavaType", "GeneratedColumn", "Any", "ManyToAny", "CompositeType", "CollectionId",
            "CollectionType", "Struct", "Array", "JoinFormula", "JoinColumnOrFormula", "JoinColumnsOrFormulas", "SoftDelete");
    // @Inheritance is reported with the rest of the hierarchy by EntityMapper
    private static final List<String> JPA_ON_CLASSES = List.of("SecondaryTable",
            "SecondaryTables", "Convert", "Converts");
    private static final List<String> HIBERNATE_ON_CLASSES = List.of("Comments",
            "SecondaryRow", "DiscriminatorFormula");

    private final MappingContext ctx;
    private boolean ownerHasCompositeKey;

    UnsupportedMappings(MappingContext ctx) {
        this.ctx = ctx;
    }

    List<Finding> scan(TypeInfo entity, List<TypeInfo> superclasses, List<Attribute> attributes, PhysicalName table) {
        List<Finding> out = new ArrayList<>();
        ownerHasCompositeKey = attributes.stream().filter(a -> !a.isTransient())
                .anyMatch(a -> a.has(Family.JPA, "EmbeddedId")) || attributes.stream().filter(a -> !a.isTransient() && a.has(Family.JPA, "Id")).count() > 1;
        List<TypeInfo> owners = new ArrayList<>();
        owners.add(entity);
        owners.addAll(superclasses);
        for (TypeInfo owner : owners) {
            classLevel(owner, owner == entity, out);
        }
        for (Attribute a : attributes) {
            if (!a.isTransient() && !a.has(Family.HIBERNATE, "Formula")) {
                fieldLevel(entity, owners, a, table, out);
            }
        }
        boolean hasId = attributes.stream().anyMatch(a -> !a.isTransient()
                && (a.has(Family.JPA, "Id") || a.has(Family.JPA, "EmbeddedId")));
        if (!hasId) {
            // getters are attributes under property access (AttributeCollector): an @Id left here is on a method
            // that is no getter, or a getter in a class read through its fields
            for (TypeInfo owner : owners) {
                for (MethodDeclaration m : owner.declaration().getMethods()) {
                    Optional<AnnotationExpr> id = Annotations.find(m.getAnnotations(), owner.imports(), Family.JPA, "Id");
                    if (id.isPresent()) {
                        out.add(Finding.of("@Id on a getter (property access)", owner, id.get()));
                    }
                }
            }
        }
        // a key the key reader cannot take (an @Id on an association, @MapsId to a composite key) leaves the entity out;
        // an entity without an id of its own (a subclass) is keyed by its hierarchy, and one without any is an error
        if (hasId) {
            soft(() -> ctx.env.targets.of(entity)).filter(t -> t.unsupported() != null)
                    .ifPresent(t -> out.add(Finding.of(t.unsupported(), entity, entity.declaration().getName())));
        }
        return out;
    }

    private void classLevel(TypeInfo owner, boolean isEntity, List<Finding> out) {
        for (String name : JPA_ON_CLASSES) {
            owner.annotation(Family.JPA, name).ifPresent(a -> out.add(new Finding("@" + name, owner, a, secondaryTables(owner, a))));
        }
        for (String name : HIBERNATE_ON_CLASSES) {
            owner.annotation(Family.HIBERNATE, name).ifPresent(a -> out.add(Finding.of("@" + name, owner, a)));
        }
        owner.annotation(Family.HIBERNATE, "SoftDelete").ifPresent(a -> {
            String unsupported = soft(() -> SoftDeletes.unsupported(new Ann(a, owner), ctx)).orElse(null);
            if (unsupported != null) {
                out.add(Finding.of(unsupported, owner, a));
            }
        });
        if (isEntity) {
            owner.annotation(Family.JPA, "Table").ifPresent(a -> {
                Ann table = new Ann(a, owner);
                for (String attribute : List.of("schema", "catalog", "check")) {
                    if (table.get(attribute).isPresent() && !soft(() -> attributeIsEmpty(table, attribute)).orElse(true)) {
                        out.add(Finding.of("@Table(" + attribute + ")", owner, a));
                    }
                }
            });
        }
    }

    private boolean attributeIsEmpty(Ann a, String attribute) {
        Object v = ctx.constants.value(a.get(attribute).orElseThrow(), a.owner());
        return v instanceof String s ? s.isBlank() : v instanceof List<?> l && l.isEmpty();
    }

    private Set<String> secondaryTables(TypeInfo owner, AnnotationExpr a) {
        Set<String> names = new LinkedHashSet<>();
        String id = a.getName().getIdentifier();
        if (id.equals("SecondaryTable") || id.equals("SecondaryTables")) {
            a.walk(AnnotationExpr.class, inner -> {
                if (inner.getName().getIdentifier().equals("SecondaryTable")) {
                    soft(() -> ctx.constants.string(new Ann(inner, owner), "name", "")).filter(s -> !s.isBlank())
                            .ifPresent(s -> names.add(ctx.naming().physical(s).emitted()));
                }
            });
        }
        return names;
    }

    private void fieldLevel(TypeInfo entity, List<TypeInfo> owners, Attribute a, PhysicalName table, List<Finding> out) {
        for (String name : JPA_ON_FIELDS) {
            a.annotation(Family.JPA, name).ifPresent(x -> out.add(new Finding("@" + name, a.owner(), x.expr(),
                    Set.of())));
        }
        for (String name : HIBERNATE_ON_FIELDS) {
            a.annotation(Family.HIBERNATE, name).ifPresent(x -> out.add(Finding.of("@" + name, a.owner(), x.expr())));
        }
        // @Convert(attributeName = ...) converts a part of an embedded value or a map key
        a.annotation(Family.JPA, "Convert").filter(x -> !soft(() -> ctx.constants.string(x, "attributeName", "")).orElse("").isBlank())
                .ifPresent(x -> out.add(Finding.of("@Convert(attributeName)", a.owner(), x.expr())));
        collections(entity, a, table, out);
        timeZones(a, out);
        associations(a, out);
        columnDefinition(a, out);
        Optional<JavaType> type = soft(() -> ctx.typeOf(a));
        Embeddables embeddables = new Embeddables(ctx);
        Optional<TypeInfo> embeddable = soft(() -> embeddables.embeddableOf(a)).flatMap(x -> x);
        if (embeddable.isPresent()) {
            // what an embedded value holds is checked field by field, as if the entity declared those fields
            for (Attribute leaf : soft(() -> embeddables.flatten(a, embeddable.get(), Embeddables.Overrides.NONE)).orElse(List.of())) {
                fieldLevel(entity, owners, leaf, table, out);
            }
            return;
        }
        if (type.isPresent() && !isAssociation(a)) {
            soft(() -> AttributeConversion.uncheckable(a, type.get(), ctx)).ifPresent(why -> out.add(Finding.of(why, a.owner(), a.field())));
        }
        if (a.has(Family.JPA, "Id") && !isAssociation(a)) {
            soft(() -> new IdGeneration(ctx).plan(a, entity, owners, table)).filter(p -> p.unsupported() != null)
                    .ifPresent(p -> out.add(Finding.of(p.unsupported(), a.owner(), p.where())));
        }
    }

    /** What {@code @TimeZoneStorage} and {@code @TimeZoneColumn} ask for beyond {@link TimeZoneStorages}. */
    private void timeZones(Attribute a, List<Finding> out) {
        if (CollectionMapper.isCollection(a)) {
            for (String name : List.of("TimeZoneStorage", "TimeZoneColumn")) {
                a.annotation(Family.HIBERNATE, name).ifPresent(x -> out.add(Finding.of("@" + name + " on a collection", a.owner(), x.expr())));
            }
            return;
        }
        // Hibernate 7 gives the offset column the timestamp's column definition too, 6.6 does not, and without a
        // column name neither uses it: not followed yet
        String zoned = soft(() -> ctx.typeOf(a)).filter(t -> t instanceof JavaType.Named).map(t -> ((JavaType.Named) t).qualifiedName())
                .filter(TimeZoneStorages.ZONED::contains).orElse(null);
        Optional<Ann> column = a.annotation(Family.JPA, "Column")
                .filter(c -> !soft(() -> ctx.constants.string(c, "columnDefinition", "")).orElse("").isBlank());
        if (zoned != null && column.isPresent() && soft(() -> TimeZoneStorages.of(a, zoned, ctx).column()).orElse(false)) {
            out.add(Finding.of("columnDefinition on a zoned date or time with a time zone column", a.owner(), column.get().expr()));
        }
        TimeZoneStorages.zoneColumn(a).ifPresent(x -> {
            for (String attribute : List.of("table", "options", "comment")) {
                if (!soft(() -> ctx.constants.string(x, attribute, "")).orElse("").isBlank()) {
                    out.add(Finding.of("@TimeZoneColumn(" + attribute + ")", a.owner(), x.expr()));
                }
            }
        });
    }

    private static boolean isAssociation(Attribute a) {
        return a.has(Family.JPA, "ManyToOne") || a.has(Family.JPA, "OneToOne") || a.has(Family.JPA, "OneToMany")
                || a.has(Family.JPA, "ManyToMany");
    }

    /** The shapes of collection fields not supported yet; the rest get their own tables (see {@link CollectionMapper}). */
    private void collections(TypeInfo entity, Attribute a, PhysicalName table, List<Finding> out) {
        if (!CollectionMapper.isCollection(a)) {
            return;
        }
        Optional<Ann> ann = a.annotation(Family.JPA, "ManyToMany").or(() -> a.annotation(Family.JPA, "OneToMany"))
                .or(() -> a.annotation(Family.JPA, "ElementCollection"));
        String mappedBy = soft(() -> ctx.constants.string(ann.get(), "mappedBy", "")).orElse("");
        if (ann.get().display().equals("@ElementCollection") || mappedBy.isBlank()) {
            if (ownerHasCompositeKey) {
                out.add(new Finding(ann.get().display() + " in an entity with a composite key", a.owner(), ann.get().expr(),
                        collectionTables(entity, a, table)));
            }
            JavaType type = soft(() -> ctx.types.resolve(a.variable().getType(), a.owner(), a.bindings())).orElse(null);
            boolean map = type instanceof JavaType.Named n && n.qualifiedName().endsWith("Map");
            if (map && !ann.get().display().equals("@ElementCollection")) {
                out.add(new Finding(ann.get().display() + " as a Map", a.owner(), ann.get().expr(), collectionTables(entity, a, table)));
            }
        } else if (a.has(Family.JPA, "OrderColumn")) {
            out.add(Finding.of("@OrderColumn on the inverse side (mappedBy)", a.owner(), a.annotation(Family.JPA, "OrderColumn").get().expr()));
        }
        if (a.has(Family.JPA, "OneToMany") && a.has(Family.JPA, "JoinColumn") && a.has(Family.JPA, "OrderColumn")) {
            out.add(new Finding("@OrderColumn on a @OneToMany with @JoinColumn", a.owner(), ann.get().expr(), collectionTables(entity, a, table)));
        }
    }

    /**
     * The tables a collection field makes or writes into: its join or collection table, or the target's
     * table for a {@code @OneToMany @JoinColumn}. When the entity is left out, so are they.
     */
    Set<String> collectionTables(TypeInfo entity, Attribute a, PhysicalName table) {
        Set<String> names = new LinkedHashSet<>();
        if (a.has(Family.JPA, "ElementCollection")) {
            names.addAll(collectionTable(entity, a));
            return names;
        }
        Optional<Ann> ann = a.annotation(Family.JPA, "ManyToMany").or(() -> a.annotation(Family.JPA, "OneToMany"));
        if (ann.isEmpty() || !soft(() -> ctx.constants.string(ann.get(), "mappedBy", "")).orElse("").isBlank()) {
            return names;
        }
        Optional<PhysicalName> target = soft(() -> EntityNames.table(elementEntity(a, ann.get()), ctx));
        if (ann.get().display().equals("@OneToMany") && a.has(Family.JPA, "JoinColumn")) {
            target.ifPresent(t -> names.add(t.emitted()));
            return names;
        }
        Optional<String> joinTable = a.annotation(Family.JPA, "JoinTable")
                .flatMap(j -> soft(() -> ctx.constants.string(j, "name", ""))).filter(x -> !x.isBlank());
        if (joinTable.isPresent()) {
            names.add(ctx.naming().physical(joinTable.get()).emitted());
        } else {
            target.ifPresent(t -> names.add(ctx.naming().joinTable(table, t, a.name()).emitted()));
        }
        return names;
    }

    private TypeInfo elementEntity(Attribute a, Ann association) {
        Optional<ConstantResolver.ClassLiteral> explicit = ctx.constants.classLiteral(association, "targetEntity");
        JavaType type = explicit.isPresent()
                ? ctx.types.resolve(explicit.get().type(), explicit.get().context(), java.util.Map.of())
                : ctx.typeOf(a);
        if (type instanceof JavaType.Named n && n.watched() == null && !n.arguments().isEmpty()) {
            type = n.arguments().get(n.arguments().size() - 1);
        }
        if (type instanceof JavaType.Named n && n.watched() != null && n.watched().has(Family.JPA, "Entity")) {
            return n.watched();
        }
        throw MappingError.at(a.owner(), a.variable(), "no entity");
    }

    private Set<String> collectionTable(TypeInfo entity, Attribute a) {
        Optional<String> explicit = a.annotation(Family.JPA, "CollectionTable")
                .flatMap(c -> soft(() -> ctx.constants.string(c, "name", ""))).filter(s -> !s.isBlank());
        if (explicit.isPresent()) {
            return Set.of(ctx.naming().physical(explicit.get()).emitted());
        }
        return soft(() -> ctx.naming().collectionTable(EntityNames.entityName(entity, ctx), a.name()).emitted())
                .map(Set::of).orElse(Set.of());
    }

    /** Associations whose target's key is itself beyond what is supported (composite, inheritance...). */
    private void associations(Attribute a, List<Finding> out) {
        for (String kind : List.of("ManyToOne", "OneToOne")) {
            Optional<Ann> ann = a.annotation(Family.JPA, kind);
            if (ann.isEmpty()) {
                continue;
            }
            if (kind.equals("OneToOne")) {
                String mappedBy = soft(() -> ctx.constants.string(ann.get(), "mappedBy", "")).orElse("");
                if (!mappedBy.isBlank()) {
                    continue;
                }
            }
            if (a.has(Family.JPA, "Id")) {
                out.add(Finding.of("@Id on an association (derived identity)", a.owner(), ann.get().expr()));
                continue;
            }
            Optional<Targets.Target> target = soft(() -> ctx.env.targets.of(ctx.env.targets.targetOf(a, ann.get(), ctx)));
            target.ifPresent(t -> ctx.dependencies.addAll(t.dependencies()));
            target.filter(t -> t.unsupported() != null).ifPresent(t -> out.add(Finding.of("@" + kind + " to "
                    + t.entity().simpleName() + " (whose key uses " + t.unsupported() + ")", a.owner(), ann.get().expr())));
        }
    }

    private void columnDefinition(Attribute a, List<Finding> out) {
        for (String kind : List.of("Column", "JoinColumn")) {
            a.annotation(Family.JPA, kind).ifPresent(c -> {
                String text = soft(() -> ctx.constants.string(c, "columnDefinition", "")).orElse("");
                if (!text.isBlank()) {
                    ColumnDefinition def = ModelExpressions.columnDefinition(c, text);
                    if (def.unsupported() != null) {
                        out.add(Finding.of("columnDefinition \"" + text + "\" (" + def.unsupported() + ")", a.owner(), c.expr()));
                    }
                }
            });
        }
    }

    /** Runs a lookup that may fail; failures are left for the mapping to report with full detail. */
    private static <T> Optional<T> soft(java.util.function.Supplier<T> lookup) {
        try {
            return Optional.ofNullable(lookup.get());
        } catch (MappingError | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
