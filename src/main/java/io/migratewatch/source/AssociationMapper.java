package io.migratewatch.source;

import io.migratewatch.schema.Column;
import io.migratewatch.schema.ColumnType;
import io.migratewatch.schema.ForeignKey;
import io.migratewatch.schema.Identity;
import io.migratewatch.schema.ReferentialAction;

import java.util.List;
import java.util.Optional;

/**
 * The owning side of {@code @ManyToOne} / {@code @OneToOne}: a join column named
 * {@code <attribute>_<target key column>} (or {@code @JoinColumn(name)}) with the target key's type,
 * and a foreign key named as Hibernate names it. {@code @OneToOne} also makes the column unique.
 */
final class AssociationMapper {

    private final MappingContext ctx;

    AssociationMapper(MappingContext ctx) {
        this.ctx = ctx;
    }

    /** The join columns, one per column of the target's key; the first carries the foreign key. */
    List<MappedColumn> map(Attribute a, Ann association, boolean oneToOne, PhysicalName table) {
        Targets targets = ctx.env.targets;
        TypeInfo targetEntity = targets.targetOf(a, association, ctx);
        Targets.Target target = targets.of(targetEntity);
        ctx.dependencies.addAll(target.dependencies());
        if (target.unsupported() != null) {
            // the unsupported-yet scan reports this first; reaching here would be a bug, so fail loudly
            throw MappingError.at(a.owner(), association.expr(), association.display() + " to " + targetEntity.simpleName()
                    + ", whose key uses " + target.unsupported() + ", is not supported yet");
        }
        return target.key().size() == 1 ? List.of(single(a, association, oneToOne, table, target))
                : composite(a, association, oneToOne, table, target);
    }

    /**
     * A reference to a composite key: one column {@code <field>_<key column>} per key column, in the
     * key's order, and one foreign key over them.
     */
    private List<MappedColumn> composite(Attribute a, Ann association, boolean oneToOne, PhysicalName table, Targets.Target target) {
        ConstantResolver c = ctx.constants;
        if (oneToOne || a.has(Family.JPA, "JoinColumn")) {
            throw MappingError.at(a.owner(), association.expr(), association.display() + (oneToOne ? "" : " with @JoinColumn")
                    + " to " + target.entity().simpleName() + ", whose key has several columns, is not supported yet");
        }
        boolean notNull = !c.bool(association, "optional", true) || ctx.validation(a, "NotNull").isPresent();
        List<PhysicalName> names = target.key().stream().map(k -> implicitName(a.name(), k)).toList();
        ReferentialAction onDelete = a.annotation(Family.HIBERNATE, "OnDelete")
                .map(o -> onDelete(c.enumName(o, "action", "NO_ACTION"))).orElse(ReferentialAction.NO_ACTION);
        ForeignKey fk = new ForeignKey(HibernateNames.foreignKey(table, target.table(), names),
                names.stream().map(PhysicalName::emitted).toList(), target.table().emitted(),
                target.key().stream().map(k -> k.name().emitted()).toList(), onDelete);
        List<MappedColumn> out = new java.util.ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Targets.KeyColumn k = target.key().get(i);
            Column column = new Column(names.get(i).emitted(), k.type(), !notNull, null, Identity.NONE);
            out.add(new MappedColumn(a.name() + "_" + k.logical(), names.get(i), column, false, List.of(), i == 0 ? fk : null));
        }
        return out;
    }

    private MappedColumn single(Attribute a, Ann association, boolean oneToOne, PhysicalName table, Targets.Target target) {
        ConstantResolver c = ctx.constants;
        Targets targets = ctx.env.targets;
        TypeInfo targetEntity = target.entity();
        Optional<Ann> joinColumn = a.annotation(Family.JPA, "JoinColumn");
        String referenced = joinColumn.map(j -> c.string(j, "referencedColumnName", "")).orElse("");
        Targets.KeyColumn key = target.id();
        if (!referenced.isBlank()) {
            key = targets.column(target, referenced, ctx.dependencies).orElseThrow(() -> MappingError.at(a.owner(),
                    joinColumn.get().expr(), "referencedColumnName \"" + referenced + "\" is not a basic column of "
                            + targetEntity.simpleName()));
        }
        String written = joinColumn.map(j -> ModelNames.read(c, j, "name")).orElse("");
        PhysicalName name = written.isBlank()
                ? implicitName(a.name(), key)
                : ctx.naming().physical(written);

        String definition = joinColumn.map(j -> c.string(j, "columnDefinition", "")).orElse("");
        ColumnDefinition def = joinColumn.map(j -> ModelExpressions.columnDefinition(j, definition)).orElse(null);
        if (def != null && def.type() == null) {
            throw MappingError.at(a.owner(), joinColumn.get().expr(), def.unsupported());
        }
        ColumnType type = def != null ? def.type() : key.type();
        boolean notNull = !c.bool(association, "optional", true)
                || joinColumn.map(j -> !c.bool(j, "nullable", true)).orElse(false)
                || ctx.validation(a, "NotNull").isPresent()
                || def != null && def.notNull();
        boolean unique = oneToOne || joinColumn.map(j -> c.bool(j, "unique", false)).orElse(false)
                || def != null && def.unique();
        String defaultValue = a.annotation(Family.HIBERNATE, "ColumnDefault").map(x -> ModelExpressions.columnDefault(c, x))
                .orElse(null);
        if (defaultValue == null && def != null) {
            defaultValue = def.defaultValue();
        }

        ForeignKey fk = foreignKey(a, joinColumn, table, target.table(), name, key);
        Column column = new Column(name.emitted(), type, !notNull, defaultValue, Identity.NONE);
        String logical = written.isBlank() ? a.name() + "_" + key.logical() : written;
        return new MappedColumn(logical, name, column, unique, List.of(), fk);
    }

    // JPA: "<attribute>_<referenced column>", from the referenced column's logical name, then physical naming
    private PhysicalName implicitName(String attribute, Targets.KeyColumn key) {
        PhysicalName logicalKey = PhysicalName.parse(key.logical());
        PhysicalName implicit = ctx.naming().physical(attribute + "_" + logicalKey.text());
        return logicalKey.quoted() ? new PhysicalName(attribute + "_" + logicalKey.text(), true) : implicit;
    }

    private ForeignKey foreignKey(Attribute a, Optional<Ann> joinColumn, PhysicalName table, PhysicalName targetTable,
                                  PhysicalName column, Targets.KeyColumn key) {
        ConstantResolver c = ctx.constants;
        Optional<Ann> fk = joinColumn.flatMap(j -> c.annotation(j, "foreignKey"));
        String mode = fk.map(f -> c.enumName(f, "value", "CONSTRAINT")).orElse("CONSTRAINT");
        if (mode.equals("NO_CONSTRAINT")) {
            return null;
        }
        String given = fk.map(f -> ModelNames.read(c, f, "name")).orElse("");
        String name = given.isBlank()
                ? HibernateNames.foreignKey(table, targetTable, List.of(column))
                : PhysicalName.parse(given).emitted();
        ReferentialAction onDelete = a.annotation(Family.HIBERNATE, "OnDelete")
                .map(o -> onDelete(c.enumName(o, "action", "NO_ACTION")))
                .orElse(ReferentialAction.NO_ACTION);
        return new ForeignKey(name, List.of(column.emitted()), targetTable.emitted(), List.of(key.name().emitted()), onDelete);
    }

    private static ReferentialAction onDelete(String action) {
        return switch (action) {
            case "CASCADE" -> ReferentialAction.CASCADE;
            case "SET_NULL" -> ReferentialAction.SET_NULL;
            case "SET_DEFAULT" -> ReferentialAction.SET_DEFAULT;
            case "RESTRICT" -> ReferentialAction.RESTRICT;
            default -> ReferentialAction.NO_ACTION;
        };
    }
}
