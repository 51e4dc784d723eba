package io.migratewatch.source;

import io.migratewatch.schema.ColumnType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Works out what an entity's inheritance adds to its table: for the root of a single table, its
 * subclasses' fields and the discriminator ({@code DTYPE varchar(31)} unless
 * {@code @DiscriminatorColumn} says otherwise; values from {@code @DiscriminatorValue} or the entity
 * name); for a joined hierarchy, the discriminator the root declares and each subclass's key column.
 */
final class HierarchyMapping {

    private final MappingContext ctx;
    private final Hierarchies hierarchies;

    HierarchyMapping(MappingContext ctx, Hierarchies hierarchies) {
        this.ctx = ctx;
        this.hierarchies = hierarchies;
    }

    Inheritance of(TypeInfo entity, Hierarchies.Strategy strategy, PhysicalName table) {
        TypeInfo root = hierarchies.root(entity);
        List<TypeInfo> descendants = hierarchies.descendantsTopDown(root);
        descendants.forEach(ctx.dependencies::add);
        if (strategy == Hierarchies.Strategy.SINGLE_TABLE) {
            List<Inheritance.Subclass> subclasses = new ArrayList<>();
            for (TypeInfo sub : descendants) {
                subclasses.add(new Inheritance.Subclass(sub, ctx.attributes.collect(sub)));
            }
            Values values = values(root, true);
            return new Inheritance(subclasses, discriminator(root, values.all()), null, values.bySubclass());
        }
        if (entity == root) {
            Optional<Ann> declared = root.annotation(Family.JPA, "DiscriminatorColumn").map(a -> new Ann(a, root));
            if (declared.isEmpty()) {
                return Inheritance.NONE;
            }
            Values values = values(root, false);
            return new Inheritance(List.of(), discriminator(root, values.all()), null, values.bySubclass());
        }
        TypeInfo parent = hierarchies.parent(entity);
        Key parentKey = key(parent);
        Optional<Ann> join = entity.annotation(Family.JPA, "PrimaryKeyJoinColumn").map(a -> new Ann(a, entity));
        String written = join.map(j -> ModelNames.read(ctx.constants, j, "name")).orElse("");
        PhysicalName name = written.isBlank() ? parentKey.name() : ctx.naming().physical(written);
        return new Inheritance(List.of(), null, new Inheritance.JoinedKey(name, parentKey.type(), EntityNames.table(parent, ctx),
                parentKey.name()), Map.of());
    }

    /**
     * An entity's key column in a joined hierarchy: the root's id column, renamed by
     * {@code @PrimaryKeyJoinColumn} below it; {@code logical} is the root id's logical name.
     */
    record Key(String logical, PhysicalName name, ColumnType type) {
    }

    Key key(TypeInfo entity) {
        TypeInfo parent = hierarchies.parent(entity);
        if (parent == null) {
            for (Attribute a : ctx.attributes.collect(entity)) {
                if (!a.isTransient() && a.has(Family.JPA, "Id")) {
                    MappedColumn id = new BasicColumnMapper(ctx).map(a, EntityNames.table(entity, ctx));
                    return new Key(id.logical(), id.name(), id.column().type());
                }
            }
            throw MappingError.at(entity, entity.declaration().getName(), "the root entity " + entity.simpleName()
                    + " of a joined hierarchy needs an @Id field");
        }
        Key above = key(parent);
        String written = entity.annotation(Family.JPA, "PrimaryKeyJoinColumn")
                .map(a -> ModelNames.read(ctx.constants, new Ann(a, entity), "name")).orElse("");
        return written.isBlank() ? above : new Key(written, ctx.naming().physical(written), above.type());
    }

    /** Discriminator values: all of them in Hibernate's order, and each subclass's own with those below it. */
    private record Values(List<String> all, Map<TypeInfo, List<String>> bySubclass) {
    }

    private Values values(TypeInfo root, boolean singleTable) {
        List<String> all = new ArrayList<>();
        if (!root.declaration().hasModifier(com.github.javaparser.ast.Modifier.Keyword.ABSTRACT)) {
            all.add(value(root));
        }
        for (TypeInfo sub : hierarchies.descendants(root)) {
            if (!sub.declaration().hasModifier(com.github.javaparser.ast.Modifier.Keyword.ABSTRACT)) {
                all.add(value(sub));
            }
        }
        Map<TypeInfo, List<String>> bySubclass = new LinkedHashMap<>();
        if (singleTable) {
            for (TypeInfo sub : hierarchies.descendantsTopDown(root)) {
                List<String> own = new ArrayList<>();
                for (TypeInfo t : hierarchies.descendants(sub)) {
                    own.add(value(t));
                }
                own.add(0, value(sub));
                bySubclass.put(sub, own);
            }
        }
        return new Values(all, bySubclass);
    }

    private String value(TypeInfo entity) {
        return entity.annotation(Family.JPA, "DiscriminatorValue").map(a -> ctx.constants.string(new Ann(a, entity), "value", ""))
                .filter(v -> !v.isBlank()).orElseGet(() -> EntityNames.entityName(entity, ctx));
    }

    private Inheritance.Discriminator discriminator(TypeInfo root, List<String> values) {
        Optional<Ann> declared = root.annotation(Family.JPA, "DiscriminatorColumn").map(a -> new Ann(a, root));
        String written = declared.map(d -> ModelNames.read(ctx.constants, d, "name")).orElse("");
        PhysicalName name = ctx.naming().physical(written.isBlank() ? "DTYPE" : written);
        String kind = declared.map(d -> ctx.constants.enumName(d, "discriminatorType", "STRING")).orElse("STRING");
        int length = declared.map(d -> ctx.constants.integer(d, "length", 31)).orElse(31);
        return switch (kind) {
            case "INTEGER" -> new Inheritance.Discriminator(name, ColumnType.INTEGER, values, false);
            case "CHAR" -> new Inheritance.Discriminator(name, ColumnType.of("char(1)"), values, true);
            default -> new Inheritance.Discriminator(name, ColumnType.varchar(length), values, true);
        };
    }
}
