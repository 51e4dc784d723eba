package io.migratewatch.source;

import io.migratewatch.schema.ColumnType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The other end of a {@code @ManyToOne}/{@code @OneToOne}: the target entity, its table and the
 * key column a join column copies its type from. Computed once per model build and shared by
 * every entity that points at the target; what it read is handed to each of them as dependencies.
 */
final class Targets {

    /** A column of the target that a join column can reference. */
    record KeyColumn(String logical, PhysicalName name, ColumnType type) {
    }

    /** {@code unsupported} is set (and {@code id} null) when the target's key is beyond what is supported yet. */
    record Target(TypeInfo entity, PhysicalName table, KeyColumn id, String unsupported, Dependencies dependencies) {
    }

    private final MappingEnvironment env;
    private final Map<String, Target> memo = new HashMap<>();

    Targets(MappingEnvironment env) {
        this.env = env;
    }

    /** The entity an association attribute points at ({@code targetEntity} or the field type). */
    TypeInfo targetOf(Attribute a, Ann association, MappingContext ctx) {
        Optional<ConstantResolver.ClassLiteral> explicit = ctx.constants.classLiteral(association, "targetEntity");
        JavaType type = explicit.isPresent()
                ? ctx.types.resolve(explicit.get().type(), explicit.get().context(), Map.of())
                : ctx.typeOf(a);
        if (type instanceof JavaType.Named n && n.watched() == null && !n.arguments().isEmpty()) {
            type = n.arguments().get(n.arguments().size() - 1);  // a collection: what it holds (a map: its values)
        }
        String field = "field " + a.name() + " of " + a.owner().simpleName();
        if (type instanceof JavaType.Named n && n.watched() != null) {
            if (!n.watched().has(Family.JPA, "Entity")) {
                throw MappingError.at(a.owner(), a.variable().getType(), association.display() + " " + field + " points at "
                        + n.watched().simpleName() + ", which is not an @Entity");
            }
            return n.watched();
        }
        if (type instanceof JavaType.Variable v) {
            throw MappingError.at(a.owner(), a.variable().getType(), "type variable " + v.name() + " of " + v.declaredIn()
                    + " is not bound for " + field + ": give it a type in the extends clause");
        }
        String shown = type instanceof JavaType.Named n ? n.simpleName() + " (" + n.qualifiedName() + ")" : type.display();
        throw MappingError.at(a.owner(), a.variable().getType(), "association target " + shown + " of " + field + " "
                + Problems.NOT_WATCHED);
    }

    Target of(TypeInfo entity) {
        Target known = memo.get(entity.qualifiedName());
        if (known != null) {
            return known;
        }
        MappingContext ctx = env.context();
        ctx.dependencies.add(entity);
        PhysicalName table = EntityNames.table(entity, ctx);
        Target target = compute(entity, table, ctx);
        memo.put(entity.qualifiedName(), target);
        return target;
    }

    private Target compute(TypeInfo entity, PhysicalName table, MappingContext ctx) {
        Hierarchies hierarchies = env.hierarchies;
        if (hierarchies.inHierarchy(entity)) {
            Hierarchies.Strategy strategy = hierarchies.strategy(entity, ctx.constants);
            if (strategy == Hierarchies.Strategy.TABLE_PER_CLASS) {
                return new Target(entity, table, null, "table-per-class inheritance", ctx.dependencies);
            }
            TypeInfo root = hierarchies.root(entity);
            ctx.dependencies.add(root);
            // a single table is the root's; a joined subclass's rows are keyed in its own table
            PhysicalName targetTable = strategy == Hierarchies.Strategy.SINGLE_TABLE ? EntityNames.table(root, ctx) : table;
            TypeInfo keyed = strategy == Hierarchies.Strategy.SINGLE_TABLE ? root : entity;
            HierarchyMapping.Key key = new HierarchyMapping(ctx, hierarchies).key(keyed);
            return new Target(entity, targetTable, new KeyColumn(key.logical(), key.name(), key.type()), null, ctx.dependencies);
        }
        if (entity.has(Family.JPA, "IdClass")) {
            return new Target(entity, table, null, "@IdClass", ctx.dependencies);
        }
        List<Attribute> attributes = ctx.attributes.collect(entity).stream().filter(x -> !x.isTransient()).toList();
        if (attributes.stream().anyMatch(x -> x.has(Family.JPA, "EmbeddedId"))) {
            return new Target(entity, table, null, "@EmbeddedId", ctx.dependencies);
        }
        List<Attribute> ids = attributes.stream().filter(x -> x.has(Family.JPA, "Id")).toList();
        if (ids.size() != 1) {
            return new Target(entity, table, null, ids.isEmpty() ? "an entity without an @Id field" : "a composite key",
                    ctx.dependencies);
        }
        Attribute id = ids.get(0);
        if (id.has(Family.JPA, "ManyToOne") || id.has(Family.JPA, "OneToOne")) {
            return new Target(entity, table, null, "a derived identity (@Id on an association)", ctx.dependencies);
        }
        MappedColumn column = new BasicColumnMapper(ctx).map(id, table);
        return new Target(entity, table, new KeyColumn(column.logical(), column.name(), column.column().type()), null,
                ctx.dependencies);
    }

    /** A basic column of the target named {@code name} (logical or physical), for {@code referencedColumnName}. */
    Optional<KeyColumn> column(Target target, String name, Dependencies into) {
        MappingContext ctx = new MappingContext(env, into);
        String wanted = env.naming.physical(name).emitted();
        for (Attribute a : ctx.attributes.collect(target.entity())) {
            if (a.isTransient() || a.has(Family.JPA, "ManyToOne") || a.has(Family.JPA, "OneToOne")
                    || a.has(Family.JPA, "OneToMany") || a.has(Family.JPA, "ManyToMany")) {
                continue;
            }
            String written = a.annotation(Family.JPA, "Column").map(c -> ctx.constants.string(c, "name", "")).orElse("");
            String logical = written.isBlank() ? a.name() : written;
            if (logical.equals(name) || env.naming.physical(logical).emitted().equals(wanted)) {
                MappedColumn column = new BasicColumnMapper(ctx).map(a, target.table());
                return Optional.of(new KeyColumn(column.logical(), column.name(), column.column().type()));
            }
        }
        return Optional.empty();
    }
}
