package io.migratewatch.source;

import io.migratewatch.schema.CheckConstraint;
import io.migratewatch.schema.Column;
import io.migratewatch.schema.ColumnType;
import io.migratewatch.schema.ForeignKey;
import io.migratewatch.schema.Identity;
import io.migratewatch.schema.PrimaryKey;
import io.migratewatch.schema.ReferentialAction;
import io.migratewatch.schema.Table;
import io.migratewatch.schema.UniqueConstraint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A collection field → the table Hibernate makes for it: the join table of an owning
 * {@code @ManyToMany} or of a {@code @OneToMany} without {@code mappedBy}, or the collection table
 * of an {@code @ElementCollection} (basics, embeddables, maps); or, for a {@code @OneToMany} with a
 * {@code @JoinColumn}, the column it adds to the target's table. Which key the table gets follows
 * the Java type: a set is keyed by all its columns (a unique key when one may be NULL), a map by
 * owner and map key, an {@code @OrderColumn} list by owner and position, a bag by nothing.
 */
final class CollectionMapper {

    /** A column and foreign key that a {@code @OneToMany @JoinColumn} adds to the target entity's table. */
    record Addition(String table, MappedColumn column) {
    }

    /**
     * What a collection field maps to: a table of its own (and its name as Hibernate writes it), or a column of the
     * target's table.
     */
    record Result(Table table, Addition addition, PhysicalName name, Map<String, String> held) {
    }

    private enum Shape { SET, BAG, LIST, MAP }

    private static final Set<String> SETS = Set.of("java.util.Set", "java.util.SortedSet", "java.util.NavigableSet",
            "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet");
    private static final Set<String> MAPS = Set.of("java.util.Map", "java.util.SortedMap", "java.util.NavigableMap",
            "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap");

    private final MappingContext ctx;

    CollectionMapper(MappingContext ctx) {
        this.ctx = ctx;
    }

    /** True for a field whose values live in another table (or, with a join column, in the target's). */
    static boolean isCollection(Attribute a) {
        return a.has(Family.JPA, "ElementCollection") || a.has(Family.JPA, "ManyToMany") || a.has(Family.JPA, "OneToMany");
    }

    /**
     * @param entityName the owner's entity name (implicit names of owner columns and collection tables start with it)
     * @param ownerKey   the owner table's primary key columns
     */
    Result map(Attribute a, String entityName, PhysicalName ownerTable, List<MappedColumn> ownerKey) {
        if (ownerKey.size() != 1) {
            throw MappingError.at(a.owner(), a.variable(), "a collection of an entity with a composite key is not supported yet");
        }
        MappedColumn key = ownerKey.get(0);
        if (a.has(Family.JPA, "ElementCollection")) {
            return elementCollection(a, entityName, ownerTable, key);
        }
        Ann association = a.annotation(Family.JPA, "ManyToMany").orElseGet(() -> a.annotation(Family.JPA, "OneToMany").orElseThrow());
        boolean oneToMany = association.display().equals("@OneToMany");
        if (oneToMany && a.has(Family.JPA, "JoinColumn")) {
            return new Result(null, joinColumnInTarget(a, association, ownerTable, key), null, Map.of());
        }
        return joinTable(a, association, oneToMany, entityName, ownerTable, key);
    }

    private Result joinTable(Attribute a, Ann association, boolean oneToMany, String entityName, PhysicalName ownerTable,
                            MappedColumn ownerKey) {
        ConstantResolver c = ctx.constants;
        TypeInfo targetEntity = ctx.env.targets.targetOf(a, association, ctx);
        Targets.Target target = ctx.env.targets.of(targetEntity);
        ctx.dependencies.addAll(target.dependencies());
        if (target.unsupported() != null) {
            throw MappingError.at(a.owner(), association.expr(), association.display() + " to " + targetEntity.simpleName()
                    + ", whose key uses " + target.unsupported() + ", is not supported yet");
        }
        Optional<Ann> joinTable = a.annotation(Family.JPA, "JoinTable");
        String written = joinTable.map(j -> ModelNames.read(c, j, "name")).orElse("");
        PhysicalName table = written.isBlank() ? ctx.naming().joinTable(ownerTable, target.table(), a.name())
                : ctx.naming().physical(written);

        Optional<Ann> ownerJoin = joinTable.flatMap(j -> first(c.annotations(j, "joinColumns")));
        Optional<Ann> targetJoin = joinTable.flatMap(j -> first(c.annotations(j, "inverseJoinColumns")));
        // JPA: the owner's columns are named after the other side's attribute when the association is bidirectional
        String ownerPrefix = inverseAttribute(targetEntity, a.name()).orElse(entityName);
        PhysicalName ownerColumn = columnName(ownerJoin, ownerPrefix, ownerKey.logical());
        PhysicalName targetColumn = columnName(targetJoin, a.name(), target.id().logical());

        List<Column> columns = List.of(
                new Column(ownerColumn.emitted(), ownerKey.column().type(), false, null, Identity.NONE),
                new Column(targetColumn.emitted(), target.id().type(), false, null, Identity.NONE));
        List<ForeignKey> foreignKeys = java.util.stream.Stream.of(
                foreignKey(joinTable.flatMap(j -> c.annotation(j, "foreignKey")), table, ownerTable, ownerColumn, ownerKey.name()),
                foreignKey(joinTable.flatMap(j -> c.annotation(j, "inverseForeignKey")), table, target.table(), targetColumn,
                        target.id().name())).filter(java.util.Objects::nonNull).toList();
        Shape shape = shape(a);
        Map<String, ColumnType> keyColumns = new LinkedHashMap<>();
        Map<String, String> held = held(List.of(ownerColumn, targetColumn));
        List<CheckConstraint> checks = new ArrayList<>();
        List<Column> all = new ArrayList<>(columns);
        if (shape == Shape.SET) {
            columns.forEach(col -> keyColumns.put(col.name(), col.type()));
        } else if (shape == Shape.LIST) {
            Column order = orderColumn(a, table, checks, held);
            all.add(order);
            keyColumns.put(columns.get(0).name(), columns.get(0).type());
            keyColumns.put(order.name(), order.type());
        } else if (shape == Shape.MAP) {
            throw MappingError.at(a.owner(), association.expr(), association.display() + " as a Map is not supported yet");
        }
        List<UniqueConstraint> uniques = oneToMany ? List.of(new UniqueConstraint(null, List.of(targetColumn.emitted())))
                : List.of();
        return new Result(new Table(table.emitted(), all, keyColumns.isEmpty() ? null
                : new PrimaryKey(null, HibernateColumnOrder.primaryKey(keyColumns, held)), foreignKeys, uniques, List.of(), checks), null,
                table, held);
    }

    private Result elementCollection(Attribute a, String entityName, PhysicalName ownerTable, MappedColumn ownerKey) {
        ConstantResolver c = ctx.constants;
        // Hibernate takes a @JoinTable on an element collection for its @CollectionTable (name, joinColumns, foreignKey)
        Optional<Ann> collectionTable = a.annotation(Family.JPA, "CollectionTable").or(() -> a.annotation(Family.JPA, "JoinTable"));
        String written = collectionTable.map(t -> ModelNames.read(c, t, "name")).orElse("");
        PhysicalName table = written.isBlank() ? ctx.naming().collectionTable(entityName, a.name()) : ctx.naming().physical(written);
        Optional<Ann> ownerJoin = collectionTable.flatMap(t -> first(c.annotations(t, "joinColumns")));
        PhysicalName ownerColumn = columnName(ownerJoin, entityName, ownerKey.logical());
        Column owner = new Column(ownerColumn.emitted(), ownerKey.column().type(), false, null, Identity.NONE);

        JavaType type = ctx.typeOf(a);
        List<JavaType> arguments = type instanceof JavaType.Named n ? n.arguments() : List.of();
        if (arguments.isEmpty()) {
            throw MappingError.at(a.owner(), a.variable().getType(), "@ElementCollection field " + a.name()
                    + " needs a collection type with its element type, such as Set<String>");
        }
        Shape shape = shape(a);
        List<MappedColumn> values = values(a, arguments.get(arguments.size() - 1), table);
        List<Column> columns = new ArrayList<>();
        columns.add(owner);
        List<CheckConstraint> checks = new ArrayList<>();
        List<ForeignKey> foreignKeys = new ArrayList<>();
        List<PhysicalName> named = new ArrayList<>(List.of(ownerColumn));
        values.forEach(v -> named.add(v.name()));
        Map<String, String> held = held(named);
        values.forEach(v -> {
            columns.add(v.column());
            checks.addAll(v.checks());
            if (v.foreignKey() != null) {
                foreignKeys.add(v.foreignKey());
            }
        });
        Map<String, ColumnType> keyColumns = new LinkedHashMap<>();
        List<UniqueConstraint> uniques = new ArrayList<>();
        if (shape == Shape.SET) {
            List<String> all = columns.stream().map(Column::name).toList();
            if (columns.stream().noneMatch(Column::nullable)) {
                columns.forEach(col -> keyColumns.put(col.name(), col.type()));
            } else if (ctx.options().hibernate7()) {
                // Hibernate 6.6 gives a set with a nullable column neither a primary nor a unique key
                uniques.add(new UniqueConstraint(null, all));
            }
        } else if (shape == Shape.LIST) {
            Column order = orderColumn(a, table, checks, held);
            columns.add(order);
            keyColumns.put(owner.name(), owner.type());
            keyColumns.put(order.name(), order.type());
        } else if (shape == Shape.MAP) {
            MappedColumn mapKey = mapKey(a, arguments.get(0), table);
            held.putAll(held(List.of(mapKey.name())));
            columns.add(mapKey.column());
            checks.addAll(mapKey.checks());
            keyColumns.put(owner.name(), owner.type());
            keyColumns.put(mapKey.column().name(), mapKey.column().type());
        }
        ForeignKey toOwner = foreignKey(collectionTable.flatMap(t -> c.annotation(t, "foreignKey")), table, ownerTable, ownerColumn,
                ownerKey.name());
        foreignKeys.add(0, toOwner);
        return new Result(new Table(table.emitted(), columns, keyColumns.isEmpty() ? null
                : new PrimaryKey(null, HibernateColumnOrder.primaryKey(keyColumns, held)),
                foreignKeys.stream().filter(java.util.Objects::nonNull).toList(), uniques, List.of(), checks), null, table, held);
    }

    /** Columns' names as Hibernate holds them (case kept), which order a composite key's columns of the same size. */
    private static Map<String, String> held(List<PhysicalName> names) {
        Map<String, String> held = new LinkedHashMap<>();
        names.stream().filter(java.util.Objects::nonNull).forEach(n -> held.put(n.emitted(), n.text()));
        return held;
    }

    /** The element's columns: one for a basic element (named by the field's {@code @Column}, else the field), or an embeddable's. */
    private List<MappedColumn> values(Attribute a, JavaType element, PhysicalName table) {
        BasicColumnMapper basic = new BasicColumnMapper(ctx);
        if (element instanceof JavaType.Named n && n.watched() != null && n.watched().has(Family.JPA, "Embeddable")) {
            ctx.dependencies.add(n.watched());
            Embeddables embeddables = new Embeddables(ctx);
            Attribute holder = a.asCollectionValue(element, null);
            List<MappedColumn> out = new ArrayList<>();
            for (Attribute leaf : embeddables.flatten(holder, n.watched(), Embeddables.Overrides.NONE.plus(
                    embeddables.declared(a::annotation), a.name() + "."))) {
                if (CollectionMapper.isCollection(leaf)) {
                    throw MappingError.at(leaf.owner(), leaf.variable(), "a collection inside an element collection's embeddable"
                            + " is not supported yet");
                }
                Optional<Ann> toOne = leaf.annotation(Family.JPA, "ManyToOne").or(() -> leaf.annotation(Family.JPA, "OneToOne"));
                if (toOne.isPresent()) {
                    out.addAll(new AssociationMapper(ctx).map(leaf, toOne.get(), leaf.has(Family.JPA, "OneToOne"), table));
                } else {
                    out.addAll(basic.columns(leaf, table));
                }
            }
            return out;
        }
        if (element instanceof JavaType.Named n && n.watched() != null && n.watched().has(Family.JPA, "Entity")) {
            throw MappingError.at(a.owner(), a.variable().getType(), "@ElementCollection field " + a.name() + " holds entities ("
                    + n.simpleName() + "): use @OneToMany or @ManyToMany");
        }
        return List.of(basic.elementColumn(a.asCollectionValue(element, a.annotation(Family.JPA, "Column").orElse(null)), table));
    }

    /** The map key column: {@code @MapKeyColumn}, or {@code <field>_KEY}; never NULL. */
    private MappedColumn mapKey(Attribute a, JavaType keyType, PhysicalName table) {
        Optional<Ann> keyColumn = a.annotation(Family.JPA, "MapKeyColumn");
        MappedColumn mapped = new BasicColumnMapper(ctx).map(a.asCollectionValue(keyType, keyColumn.orElse(null)), table);
        String written = keyColumn.map(k -> ModelNames.read(ctx.constants, k, "name")).orElse("");
        PhysicalName name = written.isBlank() ? ctx.naming().physical(a.name() + "_KEY") : ctx.naming().physical(written);
        Column column = new Column(name.emitted(), mapped.column().type(), false, null, Identity.NONE);
        return new MappedColumn(name.text(), name, column, false, List.of(), null);
    }

    /**
     * {@code @OrderColumn}: an integer position, {@code <field>_ORDER} unless named, with Hibernate 7's check that it
     * is not negative (Hibernate 6.6 has none).
     */
    private Column orderColumn(Attribute a, PhysicalName table, List<CheckConstraint> checks, Map<String, String> held) {
        Optional<Ann> order = a.annotation(Family.JPA, "OrderColumn");
        String written = order.map(o -> ModelNames.read(ctx.constants, o, "name")).orElse("");
        PhysicalName name = written.isBlank() ? ctx.naming().physical(a.name() + "_ORDER") : ctx.naming().physical(written);
        held.put(name.emitted(), name.text());
        if (ctx.options().hibernate7()) {
            checks.add(new CheckConstraint(CheckNames.name(table.emitted(), name.emitted(), 0), SqlText.atLeast(name.emitted(), 0)));
        }
        return new Column(name.emitted(), ColumnType.INTEGER, false, null, Identity.NONE);
    }

    /** A {@code @OneToMany @JoinColumn}: the owner's key as a column of the target's table. */
    private Addition joinColumnInTarget(Attribute a, Ann association, PhysicalName ownerTable, MappedColumn ownerKey) {
        ConstantResolver c = ctx.constants;
        if (a.has(Family.JPA, "OrderColumn")) {
            throw MappingError.at(a.owner(), association.expr(), "@OrderColumn on a @OneToMany with @JoinColumn is not supported yet");
        }
        TypeInfo targetEntity = ctx.env.targets.targetOf(a, association, ctx);
        Targets.Target target = ctx.env.targets.of(targetEntity);
        ctx.dependencies.addAll(target.dependencies());
        Optional<Ann> join = a.annotation(Family.JPA, "JoinColumn");
        PhysicalName name = columnName(join, a.name(), ownerKey.logical());
        boolean notNull = join.map(j -> !c.bool(j, "nullable", true)).orElse(false);
        Column column = new Column(name.emitted(), ownerKey.column().type(), !notNull, null, Identity.NONE);
        ForeignKey fk = foreignKey(join.flatMap(j -> c.annotation(j, "foreignKey")), target.table(), ownerTable, name, ownerKey.name());
        return new Addition(target.table().emitted(), new MappedColumn(name.text(), name, column, false, List.of(), fk));
    }

    /** A join column's name: as written, or {@code <prefix>_<referenced key>} by the naming rules. */
    private PhysicalName columnName(Optional<Ann> join, String prefix, String referencedLogical) {
        String written = join.map(j -> ModelNames.read(ctx.constants, j, "name")).orElse("");
        if (!written.isBlank()) {
            return ctx.naming().physical(written);
        }
        PhysicalName key = PhysicalName.parse(referencedLogical);
        return key.quoted() ? new PhysicalName(prefix + "_" + key.text(), true) : ctx.naming().physical(prefix + "_" + key.text());
    }

    private ForeignKey foreignKey(Optional<Ann> declared, PhysicalName table, PhysicalName referencedTable, PhysicalName column,
                                  PhysicalName referencedColumn) {
        String mode = declared.map(f -> ctx.constants.enumName(f, "value", "CONSTRAINT")).orElse("CONSTRAINT");
        if (mode.equals("NO_CONSTRAINT")) {
            return null;
        }
        String given = declared.map(f -> ModelNames.read(ctx.constants, f, "name")).orElse("");
        String name = given.isBlank() ? HibernateNames.foreignKey(table, referencedTable, List.of(column)) : PhysicalName.parse(given).emitted();
        return new ForeignKey(name, List.of(column.emitted()), referencedTable.emitted(), List.of(referencedColumn.emitted()),
                ReferentialAction.NO_ACTION);
    }

    /** The attribute of the target entity that maps the other side of this association ({@code mappedBy} naming this field). */
    private Optional<String> inverseAttribute(TypeInfo targetEntity, String attribute) {
        for (Attribute other : ctx.attributes.collect(targetEntity)) {
            for (String kind : List.of("ManyToMany", "OneToMany")) {
                Optional<Ann> ann = other.annotation(Family.JPA, kind);
                if (ann.isPresent() && ctx.constants.string(ann.get(), "mappedBy", "").equals(attribute)) {
                    return Optional.of(other.name());
                }
            }
        }
        return Optional.empty();
    }

    private Shape shape(Attribute a) {
        JavaType type = ctx.types.resolve(a.variable().getType(), a.owner(), a.bindings());
        String name = type instanceof JavaType.Named n ? n.qualifiedName() : "";
        if (SETS.contains(name)) {
            return Shape.SET;
        }
        if (MAPS.contains(name)) {
            return Shape.MAP;
        }
        return a.has(Family.JPA, "OrderColumn") ? Shape.LIST : Shape.BAG;
    }

    private static Optional<Ann> first(List<Ann> annotations) {
        return annotations.isEmpty() ? Optional.empty() : Optional.of(annotations.get(0));
    }
}
