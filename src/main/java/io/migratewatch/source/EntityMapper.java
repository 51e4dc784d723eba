package io.migratewatch.source;

import io.migratewatch.schema.CheckConstraint;
import io.migratewatch.schema.Column;
import io.migratewatch.schema.ForeignKey;
import io.migratewatch.schema.Identity;
import io.migratewatch.schema.PrimaryKey;
import io.migratewatch.schema.Renames;
import io.migratewatch.schema.Sequence;
import io.migratewatch.schema.Table;
import io.migratewatch.schema.UniqueConstraint;

import java.util.ArrayList;
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
        if (role != HierarchyRole.NONE) {
            findings.add(hierarchy(entity, role));
        }
        findings.addAll(new UnsupportedMappings(ctx).scan(entity, superclasses, attributes, table));
        if (!findings.isEmpty()) {
            return leftOut(entity, role, table, owners, attributes, findings, ctx, declaredAt);
        }
        return mapped(entity, role, table, owners, attributes, ctx, declaredAt);
    }

    private EntityResult mapped(TypeInfo entity, HierarchyRole role, PhysicalName table, List<TypeInfo> owners,
                                List<Attribute> attributes, MappingContext ctx, SourceProblem declaredAt) {
        BasicColumnMapper basic = new BasicColumnMapper(ctx);
        AssociationMapper associations = new AssociationMapper(ctx);
        IdGeneration generation = new IdGeneration(ctx);
        Map<String, MappedColumn> byName = new LinkedHashMap<>();
        Map<String, MappedColumn> byLogical = new LinkedHashMap<>();
        Map<String, Attribute> declaredBy = new LinkedHashMap<>();
        List<String> primaryKey = new ArrayList<>();
        List<Sequence> sequences = new ArrayList<>();
        List<String> naturalId = new ArrayList<>();
        Map<String, String> columnRenames = new LinkedHashMap<>();

        for (Attribute a : attributes) {
            if (a.isTransient() || a.has(Family.HIBERNATE, "Formula") || isInverseSide(a, ctx)) {
                continue;
            }
            Optional<Ann> toOne = a.annotation(Family.JPA, "ManyToOne").or(() -> a.annotation(Family.JPA, "OneToOne"));
            MappedColumn column = toOne.isPresent()
                    ? associations.map(a, toOne.get(), a.has(Family.JPA, "OneToOne"), table)
                    : basic.map(a, table);
            if (a.has(Family.JPA, "Id")) {
                IdGeneration.Plan plan = generation.plan(a, entity, owners, table);
                if (plan.identity() != Identity.NONE) {
                    column = column.withIdentity(plan.identity());
                }
                if (plan.sequence() != null) {
                    sequences.add(plan.sequence());
                }
                primaryKey.add(column.name().emitted());
            }
            if (a.has(Family.HIBERNATE, "NaturalId")) {
                naturalId.add(column.name().emitted());
            }
            String logical = column.logical();
            column = merge(byName.get(column.name().emitted()), column, declaredBy.get(column.name().emitted()), a, table);
            byName.put(column.name().emitted(), column);
            declaredBy.putIfAbsent(column.name().emitted(), a);
            byLogical.putIfAbsent(logical, column);
            String emitted = column.name().emitted();
            RenameComments.renamedFrom(a.field(), null).ifPresent(old ->
                    columnRenames.put(emitted, ctx.naming().physical(old).emitted()));
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
        if (!naturalId.isEmpty()) {
            uniques.add(new UniqueConstraint(null, naturalId));
        }
        TableConstraints.Result declared = new TableConstraints(ctx).of(entity, table, byLogical);
        uniques.addAll(declared.uniques());
        Table result = new Table(table.emitted(), columns, new PrimaryKey(null, primaryKey), foreignKeys, uniques,
                declared.indexes(), checks);

        Map<String, String> tableRenames = new LinkedHashMap<>();
        RenameComments.renamedFrom(entity.declaration(), entity.declaration().getName()).ifPresent(old ->
                tableRenames.put(table.emitted(), ctx.naming().physical(old).emitted()));
        Map<String, Map<String, String>> columnsByTable = columnRenames.isEmpty()
                ? Map.of() : Map.of(table.emitted(), columnRenames);
        Renames renames = new Renames(tableRenames, columnsByTable);
        return result(entity, role, table.emitted(), result, sequences, List.of(), Set.of(), renames, ctx, declaredAt);
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

    private static Finding hierarchy(TypeInfo entity, HierarchyRole role) {
        if (role == HierarchyRole.SUBCLASS) {
            return Finding.of("entity inheritance (" + entity.simpleName() + " extends another entity)", entity,
                    entity.extendedType().map(t -> (com.github.javaparser.ast.Node) t).orElse(entity.declaration().getName()));
        }
        Optional<com.github.javaparser.ast.expr.AnnotationExpr> inheritance = entity.annotation(Family.JPA, "Inheritance");
        if (inheritance.isPresent()) {
            return Finding.of("@Inheritance", entity, inheritance.get());
        }
        return Finding.of("entity inheritance (" + entity.simpleName() + " is extended by another entity)", entity,
                entity.declaration().getName());
    }

    private EntityResult leftOut(TypeInfo entity, HierarchyRole role, PhysicalName table, List<TypeInfo> owners,
                                 List<Attribute> attributes, List<Finding> findings, MappingContext ctx,
                                 SourceProblem declaredAt) {
        Set<String> unmanaged = new LinkedHashSet<>();
        unmanaged.add(table.emitted());
        List<SourceProblem> warnings = new ArrayList<>();
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
        // The id sequence is still wanted: leaving it out would make the diff drop a live sequence.
        List<Sequence> sequences = new ArrayList<>();
        if (role != HierarchyRole.SUBCLASS) {
            List<Attribute> ids = attributes.stream().filter(a -> !a.isTransient() && a.has(Family.JPA, "Id")).toList();
            if (ids.size() == 1) {
                try {
                    IdGeneration.Plan plan = new IdGeneration(ctx).plan(ids.get(0), entity, owners, table);
                    if (plan.sequence() != null) {
                        sequences.add(plan.sequence());
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
        return result(entity, role, table.emitted(), null, sequences, warnings, unmanaged, Renames.NONE, ctx, declaredAt);
    }

    private static EntityResult result(TypeInfo entity, HierarchyRole role, String tableName, Table table,
                                       List<Sequence> sequences, List<SourceProblem> warnings, Set<String> unmanaged,
                                       Renames renames, MappingContext ctx, SourceProblem declaredAt) {
        return new EntityResult(entity.qualifiedName(), role, tableName, table, sequences, warnings, unmanaged, renames,
                ctx.dependencies.snapshot(), declaredAt);
    }
}
