package io.migratewatch.source;

import io.migratewatch.schema.CheckConstraint;
import io.migratewatch.schema.Column;
import io.migratewatch.schema.ColumnType;
import io.migratewatch.schema.CommentTarget;
import io.migratewatch.schema.ForeignKey;
import io.migratewatch.schema.Identity;
import io.migratewatch.schema.PrimaryKey;
import io.migratewatch.schema.Renames;
import io.migratewatch.schema.Sequence;
import io.migratewatch.schema.Table;
import io.migratewatch.schema.UniqueConstraint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code @Entity} → its table and sequences. An entity using a mapping that is not supported
 * yet is left out whole, with a warning, rather than mapped partly wrong.
 */
final class EntityMapper {

    private final MappingEnvironment env;

    EntityMapper(MappingEnvironment env) {
        this.env = env;
    }

    EntityResult map(TypeInfo entity) {
        MappingContext ctx = env.context();
        ctx.dependencies.add(entity);
        HierarchyRole role = env.role(entity);
        PhysicalName table = EntityNames.table(entity, ctx);
        SourceProblem declaredAt = Problems.at(entity, entity.declaration().getName(), "");
        if (entity.has(Family.HIBERNATE, "Subselect") || entity.has(Family.HIBERNATE, "View")) {
            // mapped to a query, not a table: nothing to create
            return result(entity, role, table.emitted(), null, List.of(), List.of(), Set.of(), Renames.NONE, ctx, declaredAt);
        }
        List<TypeInfo> superclasses = ctx.attributes.superclasses(entity);
        List<Attribute> attributes = ctx.attributes.collect(entity);
        List<TypeInfo> owners = new ArrayList<>();
        owners.add(entity);
        owners.addAll(superclasses);

        List<Finding> findings = new ArrayList<>();
        Inheritance inheritance = Inheritance.NONE;
        Hierarchies hierarchies = env.hierarchies;
        if (hierarchies.inHierarchy(entity)) {
            TypeInfo root = hierarchies.root(entity);
            ctx.dependencies.add(root);
            Hierarchies.Strategy strategy = hierarchies.strategy(entity, ctx.constants);
            if (strategy == Hierarchies.Strategy.TABLE_PER_CLASS) {
                if (entity.declaration().hasModifier(com.github.javaparser.ast.Modifier.Keyword.ABSTRACT)) {
                    // an abstract class of a table-per-class hierarchy has no table
                    return result(entity, role, table.emitted(), null, List.of(), List.of(), Set.of(), Renames.NONE, ctx, declaredAt);
                }
                // a concrete class's table has every column of the classes above it; ids come from the root's generator
                List<Attribute> all = new ArrayList<>();
                List<TypeInfo> chain = new ArrayList<>();
                for (TypeInfo up = hierarchies.parent(entity); up != null; up = hierarchies.parent(up)) {
                    chain.add(0, up);
                }
                for (TypeInfo up : chain) {
                    ctx.dependencies.add(up);
                    all.addAll(ctx.attributes.collect(up));
                    owners.add(up);
                    owners.addAll(ctx.attributes.superclasses(up));
                }
                all.addAll(attributes);
                attributes = all;
                inheritance = new Inheritance(List.of(), null, null, Map.of(), EntityNames.table(root, ctx));
            } else if (strategy == Hierarchies.Strategy.SINGLE_TABLE && entity != root) {
                // its columns live in the root's table, which the root's mapping makes (or leaves out)
                return result(entity, role, EntityNames.table(root, ctx).emitted(), null, List.of(), List.of(), Set.of(),
                        Renames.NONE, ctx, declaredAt);
            } else {
                HierarchyMapping mapping = new HierarchyMapping(ctx, hierarchies);
                inheritance = mapping.of(entity, strategy, table);
                for (Inheritance.Subclass sub : inheritance.subclasses()) {
                    findings.addAll(new UnsupportedMappings(ctx).scan(sub.type(), ctx.attributes.superclasses(sub.type()),
                            sub.attributes(), table));
                    for (Attribute a : sub.attributes()) {
                        if (!a.isTransient() && CollectionMapper.isCollection(a) && !isInverseSide(a, ctx)) {
                            findings.add(Finding.of("a collection in a subclass of a single-table hierarchy", a.owner(), a.variable()));
                        }
                    }
                }
            }
        }
        findings.addAll(new UnsupportedMappings(ctx).scan(entity, superclasses, attributes, table));
        if (!findings.isEmpty()) {
            return leftOut(entity, role, table, owners, attributes, findings, ctx, declaredAt);
        }
        return mapped(entity, role, table, owners, attributes, inheritance, ctx, declaredAt);
    }

    private EntityResult mapped(TypeInfo entity, HierarchyRole role, PhysicalName table, List<TypeInfo> owners,
                                List<Attribute> attributes, Inheritance inheritance, MappingContext ctx, SourceProblem declaredAt) {
        BasicColumnMapper basic = new BasicColumnMapper(ctx);
        AssociationMapper associations = new AssociationMapper(ctx);
        IdGeneration generation = new IdGeneration(ctx);
        Map<String, MappedColumn> byName = new LinkedHashMap<>();
        Map<String, MappedColumn> byLogical = new LinkedHashMap<>();
        Map<String, Attribute> declaredBy = new LinkedHashMap<>();
        Map<String, Optional<TypeInfo>> declaredIn = new HashMap<>();
        List<String> primaryKey = new ArrayList<>();
        List<Sequence> sequences = new ArrayList<>();
        List<Table> generatorTables = new ArrayList<>();
        // a generator table in another schema: said, and left to Hibernate
        List<SourceProblem> warnings = new ArrayList<>();
        List<String> naturalId = new ArrayList<>();
        Map<String, ColumnType> keyTypes = new LinkedHashMap<>();
        // the key columns' names as Hibernate holds them, by which it orders them
        Map<String, String> keyNames = new LinkedHashMap<>();
        Map<CommentTarget, String> comments = new LinkedHashMap<>();
        Comments.of(entity, ctx.constants).ifPresent(text -> comments.put(CommentTarget.onTable(table.emitted()), text));
        Map<String, String> columnRenames = new LinkedHashMap<>();

        List<Placed> placedColumns = new ArrayList<>(columnAttributes(entity, attributes, ctx));
        for (Inheritance.Subclass sub : inheritance.subclasses()) {
            columnAttributes(sub.type(), sub.attributes(), ctx).forEach(p -> placedColumns.add(p.in(sub.type())));
        }
        Map<TypeInfo, List<String>> relaxed = new LinkedHashMap<>();
        // key parts mapped by an association (@MapsId): the association's join column takes their place
        Map<String, Attribute> mapsId = Targets.mapsId(attributes, ctx);
        for (Placed placed : placedColumns) {
            Attribute a = placed.attribute();
            if (placed.inEmbeddedId() && mapsId.containsKey(a.path().substring(a.path().indexOf('.') + 1))
                    || a.has(Family.JPA, "Id") && mapsId.containsKey("")) {
                continue;
            }
            boolean mapsKey = a.has(Family.JPA, "MapsId") && mapsId.containsValue(a);
            Optional<Ann> toOne = a.annotation(Family.JPA, "ManyToOne").or(() -> a.annotation(Family.JPA, "OneToOne"));
            List<MappedColumn> mappedColumns = toOne.isPresent()
                    ? associations.map(a, toOne.get(), a.has(Family.JPA, "OneToOne"), table)
                    : basic.columns(a, table);
            for (MappedColumn mapped : mappedColumns) {
            MappedColumn column = mapped;
            if (mapsKey) {
                column = new MappedColumn(column.logical(), column.name(), column.column().withNullable(false), false,
                        column.checks(), column.foreignKey());
                primaryKey.add(column.name().emitted());
                keyTypes.put(column.name().emitted(), column.column().type());
                keyNames.put(column.name().emitted(), column.name().text());
            }
            if (placed.subclass() != null && a.implicitlyNotNull() && !column.column().nullable()) {
                // a subclass's rows share the table with its siblings': only the subclass's own rows must have a value
                column = column.withNullable(true);
                relaxed.computeIfAbsent(placed.subclass(), k -> new ArrayList<>()).add(column.name().emitted());
            }
            if (placed.inEmbeddedId()) {
                column = column.withNullable(false);
                primaryKey.add(column.name().emitted());
                keyTypes.put(column.name().emitted(), column.column().type());
                keyNames.put(column.name().emitted(), column.name().text());
            }
            if (a.has(Family.JPA, "Id")) {
                IdGeneration.Plan plan = generation.plan(a, entity, owners,
                        inheritance.generatorTable() != null ? inheritance.generatorTable() : table);
                if (plan.identity() != Identity.NONE) {
                    column = column.withIdentity(plan.identity());
                }
                if (plan.sequence() != null) {
                    sequences.add(plan.sequence());
                }
                if (plan.table() != null) {
                    generatorTables.add(plan.table());
                }
                if (plan.elsewhere() != null) {
                    warnings.add(plan.elsewhere());
                }
                primaryKey.add(column.name().emitted());
                keyTypes.put(column.name().emitted(), column.column().type());
                keyNames.put(column.name().emitted(), column.name().text());
            }
            if (a.has(Family.HIBERNATE, "NaturalId")) {
                naturalId.add(column.name().emitted());
            }
            String logical = column.logical();
            duplicate(byName.get(column.name().emitted()), column, declaredBy.get(column.name().emitted()), a,
                    declaredIn.get(column.name().emitted()), placed.subclass(), table, ctx.constants);
            declaredIn.putIfAbsent(column.name().emitted(), Optional.ofNullable(placed.subclass()));
            column = merge(byName.get(column.name().emitted()), column, declaredBy.get(column.name().emitted()), a, table);
            byName.put(column.name().emitted(), column);
            declaredBy.putIfAbsent(column.name().emitted(), a);
            byLogical.putIfAbsent(logical, column);
            String emitted = column.name().emitted();
            Comments.of(a, ctx.constants).ifPresent(text -> comments.put(CommentTarget.onColumn(table.emitted(), emitted), text));
            RenameComments.renamedFrom(a.field(), null).ifPresent(old ->
                    columnRenames.put(emitted, ctx.naming().physical(old).emitted()));
            }
        }
        SoftDeletes.column(entity, table, ctx).ifPresent(c -> {
            byName.putIfAbsent(c.name().emitted(), c);
            comments.putIfAbsent(CommentTarget.onColumn(table.emitted(), c.name().emitted()), SoftDeletes.COMMENT);
        });
        Inheritance.JoinedKey joined = inheritance.joinedKey();
        if (joined != null) {
            Column keyColumn = new Column(joined.name().emitted(), joined.type(), false, null, Identity.NONE);
            ForeignKey toParent = new ForeignKey(HibernateNames.foreignKey(table, joined.parentTable(), List.of(joined.name())),
                    List.of(joined.name().emitted()), joined.parentTable().emitted(), List.of(joined.parentColumn().emitted()),
                    io.migratewatch.schema.ReferentialAction.NO_ACTION);
            byName.put(joined.name().emitted(), new MappedColumn(joined.name().text(), joined.name(), keyColumn, false, List.of(), toParent));
            primaryKey.add(joined.name().emitted());
            keyTypes.put(joined.name().emitted(), joined.type());
            keyNames.put(joined.name().emitted(), joined.name().text());
        }
        List<CheckConstraint> hierarchyChecks = new ArrayList<>();
        Inheritance.Discriminator discriminator = inheritance.discriminator();
        if (discriminator != null) {
            Column column = new Column(discriminator.name().emitted(), discriminator.type(), false, null, Identity.NONE);
            List<CheckConstraint> checks = new ArrayList<>();
            if (ctx.options().hibernate7()) {
                checks.add(new CheckConstraint(CheckNames.name(table.emitted(), discriminator.name().emitted(), 0),
                        discriminator.valuesCheck()));
            }
            byName.put(discriminator.name().emitted(), new MappedColumn(discriminator.name().text(), discriminator.name(), column,
                    false, checks, null));
            if (ctx.options().hibernate7()) {
                int n = 0;
                for (Map.Entry<TypeInfo, List<String>> e : relaxed.entrySet()) {
                    // Hibernate 7: a subclass's NOT NULL columns are checked for its own rows only
                    String name = table.emitted() + "_check" + (n == 0 ? "" : String.valueOf(n));
                    hierarchyChecks.add(new CheckConstraint(name, discriminator.notNullFor(inheritance.valuesOf(e.getKey()), e.getValue())));
                    n++;
                }
            }
        }
        if (primaryKey.isEmpty()) {
            throw MappingError.at(entity, entity.declaration().getName(), "entity " + entity.simpleName()
                    + " has no @Id field: every entity needs one");
        }

        List<Column> columns = new ArrayList<>();
        List<ForeignKey> foreignKeys = new ArrayList<>();
        List<UniqueConstraint> uniques = new ArrayList<>();
        List<CheckConstraint> checks = new ArrayList<>();
        for (MappedColumn c : byName.values()) {
            columns.add(c.column());
            if (c.foreignKey() != null) {
                foreignKeys.add(c.foreignKey());
            }
            if (c.unique()) {
                uniques.add(new UniqueConstraint(null, List.of(c.name().emitted())));
            }
            checks.addAll(c.checks());
        }
        checks.addAll(hierarchyChecks);
        // Hibernate's @Check on the class: table checks, named by PostgreSQL (<table>_check, _check1, ...) unless given a name
        int unnamed = 0;
        for (Ann check : HibernateChecks.of(entity.annotations(), entity, ctx.constants)) {
            String given = ctx.constants.string(check, "name", "");
            String text = ModelExpressions.checkConstraint(ctx.constants, check);
            checks.add(new CheckConstraint(given.isBlank() ? table.emitted() + "_check" + (unnamed++ == 0 ? "" : String.valueOf(unnamed - 1))
                    : given, text));
        }
        if (!naturalId.isEmpty()) {
            uniques.add(new UniqueConstraint(null, naturalId));
        }
        TableConstraints.Result declared = new TableConstraints(ctx).of(entity, table, byLogical);
        uniques.addAll(declared.uniques());
        Table result = new Table(table.emitted(), columns, new PrimaryKey(null, HibernateColumnOrder.primaryKey(keyTypes, keyNames)), foreignKeys, uniques,
                declared.indexes(), checks);

        List<MappedColumn> key = primaryKey.stream().map(byName::get).toList();
        CollectionMapper collections = new CollectionMapper(ctx);
        String entityName = EntityNames.entityName(entity, ctx);
        List<Table> collectionTables = new ArrayList<>();
        List<CollectionMapper.Addition> additions = new ArrayList<>();
        boolean audited = AuditTables.audited(entity, attributes);
        List<AuditTables.Draft> audits = new ArrayList<>();
        if (audited) {
            audits.add(auditTable(entity, attributes, inheritance, table, byName, declaredBy, primaryKey, keyNames, basic, ctx));
        }
        for (Attribute a : attributes) {
            if (!a.isTransient() && CollectionMapper.isCollection(a) && !isInverseSide(a, ctx)) {
                CollectionMapper.Result mapped = collections.map(a, entityName, table, key);
                if (mapped.table() != null) {
                    collectionTables.add(mapped.table());
                    if (audited && AuditTables.audited(entity, a)) {
                        audits.add(AuditTables.ofCollection(mapped.table(), mapped.name(), mapped.held(), ctx));
                    }
                } else {
                    additions.add(mapped.addition());
                }
            }
        }

        Map<String, String> tableRenames = new LinkedHashMap<>();
        RenameComments.renamedFrom(entity.declaration(), entity.declaration().getName()).ifPresent(old ->
                tableRenames.put(table.emitted(), ctx.naming().physical(old).emitted()));
        Map<String, Map<String, String>> columnsByTable = columnRenames.isEmpty()
                ? Map.of() : Map.of(table.emitted(), columnRenames);
        Renames renames = new Renames(tableRenames, columnsByTable);
        return new EntityResult(entity.qualifiedName(), role, table.emitted(), result, collectionTables, additions, sequences,
                warnings, Set.of(), renames, ctx.dependencies.snapshot(), declaredAt, comments, audits, generatorTables);
    }

    /**
     * The Envers audit table of an audited entity's table: the columns of its audited fields (for an embedded value,
     * the embedding field decides), the discriminator and a joined subclass's key.
     */
    private static AuditTables.Draft auditTable(TypeInfo entity, List<Attribute> attributes, Inheritance inheritance,
                                                PhysicalName table, Map<String, MappedColumn> byName,
                                                Map<String, Attribute> declaredBy, List<String> primaryKey,
                                                Map<String, String> keyNames, BasicColumnMapper basic, MappingContext ctx) {
        Map<String, Attribute> fields = new LinkedHashMap<>();
        attributes.forEach(a -> fields.putIfAbsent(a.name(), a));
        inheritance.subclasses().forEach(sub -> sub.attributes().forEach(a -> fields.putIfAbsent(a.name(), a)));
        List<Column> columns = new ArrayList<>();
        Map<String, String> checks = new LinkedHashMap<>();
        Set<String> notNull = new LinkedHashSet<>();
        String discriminator = inheritance.discriminator() == null ? null : inheritance.discriminator().name().emitted();
        for (MappedColumn c : byName.values()) {
            String name = c.name().emitted();
            Attribute leaf = declaredBy.get(name);
            if (leaf != null) {
                String root = leaf.path().contains(".") ? leaf.path().substring(0, leaf.path().indexOf('.')) : leaf.name();
                Attribute field = fields.getOrDefault(root, leaf);
                if (!AuditTables.audited(entity, field) && !primaryKey.contains(name)) {
                    continue;
                }
            }
            columns.add(c.column());
            if (name.equals(discriminator)) {
                notNull.add(name);  // its check of the hierarchy's values stays with the audited table
            }
            basic.typeCheck(name).ifPresent(text -> checks.put(name, text));
        }
        return AuditTables.ofEntity(table, columns, primaryKey, notNull, checks, inheritance.joinedKey(), keyNames, ctx);
    }

    /**
     * A field that becomes a column, whether it is part of an {@code @EmbeddedId}, and the subclass
     * that declares it when it comes from below (a single-table hierarchy), else null.
     */
    private record Placed(Attribute attribute, boolean inEmbeddedId, TypeInfo subclass) {

        Placed(Attribute attribute, boolean inEmbeddedId) {
            this(attribute, inEmbeddedId, null);
        }

        Placed in(TypeInfo declaringSubclass) {
            return new Placed(attribute, inEmbeddedId, declaringSubclass);
        }
    }

    /**
     * The fields that become columns of the entity's table: its own and inherited fields, with
     * embedded values flattened into their fields and the class's {@code @AttributeOverride}s applied.
     */
    private static List<Placed> columnAttributes(TypeInfo entity, List<Attribute> attributes, MappingContext ctx) {
        Embeddables embeddables = new Embeddables(ctx);
        Embeddables.Overrides classLevel = embeddables.declared((family, name) ->
                entity.annotation(family, name).map(x -> new Ann(x, entity)));
        List<Placed> out = new ArrayList<>();
        for (Attribute declared : attributes) {
            if (declared.isTransient() || declared.has(Family.HIBERNATE, "Formula") || isInverseSide(declared, ctx)) {
                continue;
            }
            Attribute a = declared.overridden(classLevel.columns().get(declared.name()), classLevel.joins().get(declared.name()));
            if (CollectionMapper.isCollection(a)) {
                continue;  // a table of its own, or a column of the target's: mapped once the key is known
            }
            Optional<TypeInfo> embeddable = embeddables.embeddableOf(a);
            if (embeddable.isEmpty()) {
                out.add(new Placed(a, false));
                continue;
            }
            boolean id = a.has(Family.JPA, "EmbeddedId");
            for (Attribute leaf : embeddables.flatten(a, embeddable.get(), classLevel)) {
                if (!leaf.has(Family.HIBERNATE, "Formula")) {
                    out.add(new Placed(leaf, id));
                }
            }
        }
        return out;
    }

    private static boolean isInverseSide(Attribute a, MappingContext ctx) {
        for (String kind : List.of("OneToMany", "ManyToMany", "OneToOne")) {
            Optional<Ann> ann = a.annotation(Family.JPA, kind);
            if (ann.isPresent() && !ctx.constants.string(ann.get(), "mappedBy", "").isBlank()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Two attributes on one column (typically a read-only {@code Long customerId} beside
     * {@code @ManyToOne Customer customer}): one column, carrying the foreign key.
     */
    /**
     * Two fields of one class (or of its mapped superclasses and embeddables) that write the same column:
     * Hibernate refuses the mapping ("Column … is duplicated"), so do we, naming both. A read-only field
     * ({@code insertable = false, updatable = false}) may share a column, as may sibling subclasses of
     * one single table.
     */
    private static void duplicate(MappedColumn earlier, MappedColumn later, Attribute earlierAttribute, Attribute laterAttribute,
                                  Optional<TypeInfo> earlierIn, TypeInfo laterIn, PhysicalName table, ConstantResolver constants) {
        if (earlier == null || earlierAttribute == null || earlierAttribute.equals(laterAttribute)
                || !earlierIn.equals(Optional.ofNullable(laterIn)) || readOnly(earlierAttribute, constants) || readOnly(laterAttribute, constants)) {
            return;
        }
        SourceProblem first = Problems.at(earlierAttribute.owner(), earlierAttribute.variable(), "");
        throw MappingError.at(laterAttribute.owner(), laterAttribute.variable(), "fields " + earlierAttribute.path() + " ("
                + first.file().getFileName() + ":" + first.line() + ") and " + laterAttribute.path() + " both map to column "
                + later.name().emitted() + " of table " + table.emitted() + ", which Hibernate refuses — give one of them another"
                + " @Column(name = \"...\"), or make one read-only with insertable = false, updatable = false");
    }

    /** {@code @Column} or {@code @JoinColumn} with {@code insertable = false, updatable = false}: Hibernate lets it share a column. */
    private static boolean readOnly(Attribute a, ConstantResolver constants) {
        for (String annotation : List.of("Column", "JoinColumn")) {
            Optional<Ann> ann = a.annotation(Family.JPA, annotation);
            if (ann.isPresent() && !constants.bool(ann.get(), "insertable", true) && !constants.bool(ann.get(), "updatable", true)) {
                return true;
            }
        }
        return a.has(Family.JPA, "JoinColumns") || a.has(Family.HIBERNATE, "Formula") || a.has(Family.HIBERNATE, "JoinFormula");
    }

    private static MappedColumn merge(MappedColumn earlier, MappedColumn later, Attribute earlierAttribute,
                                      Attribute laterAttribute, PhysicalName table) {
        if (earlier == null) {
            return later;
        }
        if (!earlier.column().type().equals(later.column().type())) {
            throw MappingError.at(laterAttribute.owner(), laterAttribute.variable(), "fields " + earlierAttribute.name()
                    + " and " + laterAttribute.name() + " both map to column " + later.name().emitted() + " of table "
                    + table.emitted() + ", as " + earlier.column().type() + " and " + later.column().type());
        }
        boolean nullable = earlier.column().nullable() && later.column().nullable();
        List<CheckConstraint> checks = new ArrayList<>(earlier.checks());
        later.checks().stream().filter(c -> !checks.contains(c)).forEach(checks::add);
        return new MappedColumn(earlier.logical(), earlier.name(), earlier.column().withNullable(nullable),
                earlier.unique() || later.unique(), checks,
                earlier.foreignKey() != null ? earlier.foreignKey() : later.foreignKey());
    }

    private EntityResult leftOut(TypeInfo entity, HierarchyRole role, PhysicalName table, List<TypeInfo> owners,
                                 List<Attribute> attributes, List<Finding> findings, MappingContext ctx,
                                 SourceProblem declaredAt) {
        Set<String> unmanaged = new LinkedHashSet<>();
        unmanaged.add(table.emitted());
        List<SourceProblem> warnings = new ArrayList<>();
        // the tables its collections make or write into go with it
        UnsupportedMappings scan = new UnsupportedMappings(ctx);
        Set<String> collectionTables = new LinkedHashSet<>();
        for (Attribute a : attributes) {
            if (!a.isTransient() && CollectionMapper.isCollection(a)) {
                collectionTables.addAll(scan.collectionTables(entity, a, table));
            }
        }
        collectionTables.remove(table.emitted());
        for (Finding f : findings) {
            Set<String> others = new LinkedHashSet<>(f.otherTables());
            others.remove(table.emitted());
            unmanaged.addAll(others);
            String also = others.isEmpty() ? ""
                    : others.size() == 1 ? " (and so is table " + others.iterator().next() + ")"
                    : " (and so are tables " + String.join(", ", others) + ")";
            warnings.add(Problems.at(f.owner(), f.where(), f.what() + " is not supported yet: table " + table.emitted()
                    + " is left out of migrations until it is" + also));
        }
        collectionTables.removeAll(unmanaged);
        if (!collectionTables.isEmpty()) {
            unmanaged.addAll(collectionTables);
            warnings.add(Problems.at(entity, entity.declaration().getName(), "with table " + table.emitted() + ", "
                    + (collectionTables.size() == 1 ? "table " : "tables ") + String.join(", ", collectionTables)
                    + (collectionTables.size() == 1 ? " is" : " are") + " left out of migrations too"));
        }
        // The id sequence is still wanted: leaving it out would make the diff drop a live sequence.
        List<Sequence> sequences = new ArrayList<>();
        List<Table> generatorTables = new ArrayList<>();
        if (role != HierarchyRole.SUBCLASS) {
            List<Attribute> ids = attributes.stream().filter(a -> !a.isTransient() && a.has(Family.JPA, "Id")).toList();
            if (ids.size() == 1) {
                try {
                    IdGeneration.Plan plan = new IdGeneration(ctx).plan(ids.get(0), entity, owners, table);
                    if (plan.sequence() != null) {
                        sequences.add(plan.sequence());
                    }
                    if (plan.table() != null) {
                        generatorTables.add(plan.table());
                    }
                    if (plan.elsewhere() != null) {
                        warnings.add(plan.elsewhere());
                    }
                } catch (MappingError e) {
                    // said, not swallowed: without it the diff would propose dropping the live sequence, which the
                    // data-loss hold then stops when the sequence has handed out values
                    SourceProblem p = e.problem();
                    warnings.add(new SourceProblem(p.file(), p.line(), p.column(), "the id sequence of " + table.emitted()
                            + " cannot be worked out either (" + p.message() + "): a live sequence of that name is not kept by the models"));
                }
            }
        }
        return new EntityResult(entity.qualifiedName(), role, table.emitted(), null, List.of(), List.of(), sequences, warnings,
                unmanaged, Renames.NONE, ctx.dependencies.snapshot(), declaredAt, Map.of(), List.of(), generatorTables);
    }

    private static EntityResult result(TypeInfo entity, HierarchyRole role, String tableName, Table table,
                                       List<Sequence> sequences, List<SourceProblem> warnings, Set<String> unmanaged,
                                       Renames renames, MappingContext ctx, SourceProblem declaredAt) {
        return new EntityResult(entity.qualifiedName(), role, tableName, table, List.of(), List.of(), sequences, warnings,
                unmanaged, renames, ctx.dependencies.snapshot(), declaredAt, Map.of(), List.of(), List.of());
    }
}
