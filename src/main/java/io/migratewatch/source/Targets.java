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

    /**
     * {@code key} lists the target's primary key columns in the table's key order (one for a simple id);
     * {@code unsupported} is set (and {@code key} empty) when the target's key is beyond what is supported yet.
     */
    record Target(TypeInfo entity, PhysicalName table, List<KeyColumn> key, String unsupported, Dependencies dependencies) {

        Target(TypeInfo entity, PhysicalName table, KeyColumn id, String unsupported, Dependencies dependencies) {
            this(entity, table, id == null ? List.of() : List.of(id), unsupported, dependencies);
        }

        /** The key column of a target with a simple key; null for a composite one. */
        KeyColumn id() {
            return key.size() == 1 ? key.get(0) : null;
        }
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
                if (entity.declaration().hasModifier(com.github.javaparser.ast.Modifier.Keyword.ABSTRACT)) {
                    return new Target(entity, table, List.of(), "an abstract class of a table-per-class hierarchy", ctx.dependencies);
                }
                HierarchyMapping.Key key = new HierarchyMapping(ctx, hierarchies).key(hierarchies.root(entity));
                return new Target(entity, table, new KeyColumn(key.logical(), key.name(), key.type()), null, ctx.dependencies);
            }
            TypeInfo root = hierarchies.root(entity);
            ctx.dependencies.add(root);
            // a single table is the root's; a joined subclass's rows are keyed in its own table
            PhysicalName targetTable = strategy == Hierarchies.Strategy.SINGLE_TABLE ? EntityNames.table(root, ctx) : table;
            TypeInfo keyed = strategy == Hierarchies.Strategy.SINGLE_TABLE ? root : entity;
            HierarchyMapping.Key key = new HierarchyMapping(ctx, hierarchies).key(keyed);
            return new Target(entity, targetTable, new KeyColumn(key.logical(), key.name(), key.type()), null, ctx.dependencies);
        }
        List<Attribute> attributes = ctx.attributes.collect(entity).stream().filter(x -> !x.isTransient()).toList();
        try {
            return new Target(entity, table, keyColumns(entity, attributes, table, ctx), null, ctx.dependencies);
        } catch (UnsupportedKey e) {
            return new Target(entity, table, List.of(), e.getMessage(), ctx.dependencies);
        }
    }

    /** A key shape that is not supported yet; its message names the shape. */
    private static final class UnsupportedKey extends RuntimeException {
        UnsupportedKey(String shape) {
            super(shape, null, false, false);
        }
    }

    /**
     * An entity's primary key columns, in Hibernate's key order: its {@code @Id} fields, the fields of
     * its {@code @EmbeddedId}, and for a key part mapped by an association ({@code @MapsId}) that
     * association's join column.
     */
    List<KeyColumn> keyColumns(TypeInfo entity, List<Attribute> attributes, PhysicalName table, MappingContext ctx) {
        Map<String, Attribute> mapsId = mapsId(attributes, ctx);
        Map<String, KeyColumn> columns = new java.util.LinkedHashMap<>();
        Optional<Attribute> embeddedId = attributes.stream().filter(x -> x.has(Family.JPA, "EmbeddedId")).findFirst();
        BasicColumnMapper basic = new BasicColumnMapper(ctx);
        if (embeddedId.isPresent()) {
            Embeddables embeddables = new Embeddables(ctx);
            TypeInfo type = embeddables.embeddableOf(embeddedId.get()).orElseThrow();
            for (Attribute leaf : embeddables.flatten(embeddedId.get(), type, Embeddables.Overrides.NONE)) {
                String part = leaf.path().substring(embeddedId.get().name().length() + 1);
                KeyColumn k = mapsId.containsKey(part) ? joinKey(mapsId.get(part), ctx) : basicKey(basic.map(leaf, table));
                columns.put(k.name().emitted(), k);
            }
        } else {
            List<Attribute> ids = attributes.stream().filter(x -> x.has(Family.JPA, "Id")).toList();
            if (ids.isEmpty()) {
                throw new UnsupportedKey("an entity without an @Id field");
            }
            for (Attribute id : ids) {
                if (id.has(Family.JPA, "ManyToOne") || id.has(Family.JPA, "OneToOne")) {
                    throw new UnsupportedKey("a derived identity (@Id on an association)");
                }
                KeyColumn k = ids.size() == 1 && mapsId.containsKey("") ? joinKey(mapsId.get(""), ctx) : basicKey(basic.map(id, table));
                columns.put(k.name().emitted(), k);
            }
        }
        Map<String, ColumnType> types = new java.util.LinkedHashMap<>();
        Map<String, String> names = new java.util.LinkedHashMap<>();
        columns.forEach((name, k) -> {
            types.put(name, k.type());
            names.put(name, k.name().text());
        });
        return HibernateColumnOrder.primaryKey(types, names).stream().map(columns::get).toList();
    }

    /** The associations that map a part of the key: {@code @MapsId("part")}, or {@code ""} for the whole simple id. */
    static Map<String, Attribute> mapsId(List<Attribute> attributes, MappingContext ctx) {
        Map<String, Attribute> out = new java.util.LinkedHashMap<>();
        for (Attribute a : attributes) {
            Optional<Ann> maps = a.annotation(Family.JPA, "MapsId");
            if (maps.isPresent() && (a.has(Family.JPA, "ManyToOne") || a.has(Family.JPA, "OneToOne"))) {
                out.put(ctx.constants.string(maps.get(), "value", ""), a);
            }
        }
        return out;
    }

    private static KeyColumn basicKey(MappedColumn column) {
        return new KeyColumn(column.logical(), column.name(), column.column().type());
    }

    /** The join column of a to-one association that maps a key part: named by its {@code @JoinColumn} or {@code <field>_<target key>}. */
    private KeyColumn joinKey(Attribute association, MappingContext ctx) {
        Ann ann = association.annotation(Family.JPA, "ManyToOne").or(() -> association.annotation(Family.JPA, "OneToOne")).orElseThrow();
        Target target = of(targetOf(association, ann, ctx));
        ctx.dependencies.addAll(target.dependencies());
        if (target.id() == null) {
            throw new UnsupportedKey("@MapsId on an association to a composite or unsupported key");
        }
        String written = association.annotation(Family.JPA, "JoinColumn").map(j -> ModelNames.read(ctx.constants, j, "name")).orElse("");
        String logical = written.isBlank() ? association.name() + "_" + PhysicalName.parse(target.id().logical()).text() : written;
        return new KeyColumn(logical, ctx.naming().physical(logical), target.id().type());
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
