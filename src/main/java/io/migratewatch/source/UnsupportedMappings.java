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

    private static final List<String> JPA_ON_FIELDS = List.of("Embedded", "EmbeddedId", "ElementCollection", "Convert",
            "Converts", "OrderColumn", "MapKeyColumn", "MapKeyJoinColumn", "MapsId", "JoinColumns", "JoinTable",
            "AttributeOverride", "AttributeOverrides", "AssociationOverride", "AssociationOverrides",
            "PrimaryKeyJoinColumn", "PrimaryKeyJoinColumns", "TableGenerator");
    private static final List<String> HIBERNATE_ON_FIELDS = List.of("Check", "Checks", "Comment", "Type", "JdbcType",
            "JavaType", "GeneratedColumn", "Any", "ManyToAny", "TimeZoneStorage", "CompositeType", "CollectionId",
            "CollectionType", "Struct", "Array", "JoinFormula", "JoinColumnOrFormula", "JoinColumnsOrFormulas");
    // @Inheritance is reported with the rest of the hierarchy by EntityMapper
    private static final List<String> JPA_ON_CLASSES = List.of("IdClass", "SecondaryTable",
            "SecondaryTables", "DiscriminatorColumn", "AttributeOverride", "AttributeOverrides", "AssociationOverride",
            "AssociationOverrides", "Convert", "Converts");
    private static final List<String> HIBERNATE_ON_CLASSES = List.of("Check", "Checks", "Comment", "Comments",
            "SoftDelete", "SecondaryRow", "DiscriminatorFormula");

    private final MappingContext ctx;

    UnsupportedMappings(MappingContext ctx) {
        this.ctx = ctx;
    }

    List<Finding> scan(TypeInfo entity, List<TypeInfo> superclasses, List<Attribute> attributes, PhysicalName table) {
        List<Finding> out = new ArrayList<>();
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
            for (TypeInfo owner : owners) {
                for (MethodDeclaration m : owner.declaration().getMethods()) {
                    Optional<AnnotationExpr> id = Annotations.find(m.getAnnotations(), owner.imports(), Family.JPA, "Id");
                    if (id.isPresent()) {
                        out.add(Finding.of("@Id on a getter (property access)", owner, id.get()));
                    }
                }
            }
        }
        long ids = attributes.stream().filter(a -> !a.isTransient() && a.has(Family.JPA, "Id")).count();
        if (ids > 1) {
            Attribute second = attributes.stream().filter(a -> !a.isTransient() && a.has(Family.JPA, "Id")).skip(1)
                    .findFirst().orElseThrow();
            out.add(Finding.of("a composite key (several @Id fields)", second.owner(), second.variable()));
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
        owner.annotation(Family.JPA, "Access").ifPresent(a -> {
            if (soft(() -> ctx.constants.enumName(new Ann(a, owner), "value", "FIELD")).orElse("FIELD").equals("PROPERTY")) {
                out.add(Finding.of("@Access(AccessType.PROPERTY)", owner, a));
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
                    name.equals("ElementCollection") ? collectionTable(entity, a) : Set.of())));
        }
        for (String name : HIBERNATE_ON_FIELDS) {
            a.annotation(Family.HIBERNATE, name).ifPresent(x -> out.add(Finding.of("@" + name, a.owner(), x.expr())));
        }
        a.annotation(Family.HIBERNATE, "JdbcTypeCode").ifPresent(x -> {
            String code = soft(() -> ctx.constants.enumName(x, "value", "")).orElse("");
            if (!JdbcTypeCodes.isJson(code)) {
                out.add(Finding.of("@JdbcTypeCode(" + code + ")", a.owner(), x.expr()));
            }
        });
        collections(a, table, out);
        associations(a, out);
        columnDefinition(a, out);
        Optional<JavaType> type = soft(() -> ctx.typeOf(a));
        if (type.isPresent() && type.get() instanceof JavaType.Named n && n.watched() != null
                && n.watched().has(Family.JPA, "Embeddable") && !a.has(Family.JPA, "Embedded")
                && !a.has(Family.JPA, "EmbeddedId")) {
            out.add(Finding.of("@Embeddable type " + n.simpleName(), a.owner(), a.field()));
        }
        if (type.isPresent() && ctx.env.globals.isAutoConverted(type.get()) && !isAssociation(a)) {
            out.add(Finding.of("@Converter(autoApply = true) for " + type.get().display(), a.owner(), a.field()));
        }
        if (a.has(Family.JPA, "Id") && !isAssociation(a)) {
            soft(() -> new IdGeneration(ctx).plan(a, entity, owners, table)).filter(p -> p.unsupported() != null)
                    .ifPresent(p -> out.add(Finding.of(p.unsupported(), a.owner(), p.where())));
        }
    }

    private static boolean isAssociation(Attribute a) {
        return a.has(Family.JPA, "ManyToOne") || a.has(Family.JPA, "OneToOne") || a.has(Family.JPA, "OneToMany")
                || a.has(Family.JPA, "ManyToMany");
    }

    /** @OneToMany without mappedBy and owning @ManyToMany: a join table (or a column in the target). */
    private void collections(Attribute a, PhysicalName table, List<Finding> out) {
        for (String kind : List.of("OneToMany", "ManyToMany")) {
            Optional<Ann> ann = a.annotation(Family.JPA, kind);
            if (ann.isEmpty()) {
                continue;
            }
            String mappedBy = soft(() -> ctx.constants.string(ann.get(), "mappedBy", "")).orElse("");
            if (!mappedBy.isBlank()) {
                continue;
            }
            Set<String> others = new LinkedHashSet<>();
            Optional<PhysicalName> target = soft(() -> EntityNames.table(elementEntity(a, ann.get()), ctx));
            if (kind.equals("OneToMany") && a.has(Family.JPA, "JoinColumn")) {
                target.ifPresent(t -> others.add(t.emitted()));
            } else {
                Optional<String> joinTable = a.annotation(Family.JPA, "JoinTable")
                        .flatMap(j -> soft(() -> ctx.constants.string(j, "name", ""))).filter(s -> !s.isBlank());
                if (joinTable.isPresent()) {
                    others.add(ctx.naming().physical(joinTable.get()).emitted());
                } else if (target.isPresent()) {
                    others.add(ctx.naming().joinTable(table, target.get(), a.name()).emitted());
                }
            }
            out.add(new Finding(kind.equals("OneToMany") ? "@OneToMany without mappedBy" : "@ManyToMany", a.owner(),
                    ann.get().expr(), others));
        }
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
