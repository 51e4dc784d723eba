package io.migratewatch.source;

import io.migratewatch.schema.CheckConstraint;
import io.migratewatch.schema.Column;
import io.migratewatch.schema.ColumnType;
import io.migratewatch.schema.ForeignKey;
import io.migratewatch.schema.Identity;
import io.migratewatch.schema.PrimaryKey;
import io.migratewatch.schema.ReferentialAction;
import io.migratewatch.schema.Sequence;
import io.migratewatch.schema.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * Hibernate Envers' audit tables (docs/mapping.md, "Hibernate Envers"), made only when the sources use Envers'
 * annotations. An {@code @Audited} entity's table gets a twin {@code <table>_AUD}: the revision column {@code REV}
 * (the revision entity's id type) and {@code REVTYPE smallint} beside the audited columns, all nullable but the id,
 * keyed by (REV, id), with a foreign key to the revision table. A subclass of a joined hierarchy gets its own, keyed
 * and pointing at its parent's, without REVTYPE; an audited join or collection table gets one keyed by all of its
 * columns. Only the columns' types and the checks of their types (enum values) carry over: no NOT NULL, unique,
 * default or other check of the audited table does.
 * With Envers' validity strategy the tables that have REVTYPE also have the end revision (REVEND, pointing at the
 * revision table) and, when stored, its timestamp (in a joined hierarchy the root's table only, unless Envers is told
 * to put it in every table).
 * <p>
 * The revision table is the {@code @RevisionEntity} of the sources, or Envers' default: {@code REVINFO (REV integer,
 * REVTSTMP bigint)} with its sequence {@code REVINFO_SEQ}.
 */
final class AuditTables {

    private AuditTables() {
    }

    /**
     * One audit table as an entity's mapping sees it, before the revision table is known.
     *
     * @param name         the audit table
     * @param columns      the audited columns, already as the audit table holds them
     * @param key          the audited table's key columns (all columns for a join or collection table)
     * @param checks       the checks of the columns' types, named for the audit table
     * @param parent       for a subclass of a joined hierarchy, its parent's audit table (and no REVTYPE); else null
     * @param parentKey    the parent's key columns, in the order of {@code key}
     * @param revision     the revision column
     * @param revisionType the revision type column
     * @param revisionEnd  the validity strategy's end revision column, or null (the default strategy, or a joined
     *                     subclass's table)
     * @param endTimestamp the validity strategy's end revision timestamp column, or null
     * @param held         key columns' names as Hibernate holds them (case kept), where they differ, for their order
     */
    record Draft(PhysicalName name, List<Column> columns, List<String> key, List<CheckConstraint> checks, PhysicalName parent,
                 List<String> parentKey, PhysicalName revision, PhysicalName revisionType, PhysicalName revisionEnd,
                 Column endTimestamp, java.util.Map<String, String> held) {

        Draft {
            columns = List.copyOf(columns);
            key = List.copyOf(key);
            checks = List.copyOf(checks);
            parentKey = List.copyOf(parentKey);
            held = java.util.Map.copyOf(held);
        }
    }

    /** The revision table the audit tables point at: its name, key column and the key's type. */
    record Revision(PhysicalName table, PhysicalName column, ColumnType type) {
    }

    /** Whether Envers audits the entity: {@code @Audited} on the class, or on at least one of its fields. */
    static boolean audited(TypeInfo entity, List<Attribute> attributes) {
        return entity.has(Family.ENVERS, "Audited") || attributes.stream().anyMatch(a -> a.has(Family.ENVERS, "Audited"));
    }

    /**
     * Whether a field's columns are audited: not {@code @NotAudited}; on a class audited as a whole every field but
     * those of a mapped superclass or a single-table subclass that is not {@code @Audited} itself, else only the
     * {@code @Audited} ones. Ids always are.
     */
    static boolean audited(TypeInfo entity, Attribute field) {
        if (field.has(Family.JPA, "Id") || field.has(Family.JPA, "EmbeddedId")) {
            return true;
        }
        if (field.has(Family.ENVERS, "NotAudited")) {
            return false;
        }
        if (!entity.has(Family.ENVERS, "Audited")) {
            return field.has(Family.ENVERS, "Audited");
        }
        TypeInfo owner = field.owner();
        if (owner.has(Family.JPA, "Entity") && !owner.qualifiedName().equals(entity.qualifiedName())) {
            // a subclass's field in its root's table (single table): audited when the subclass is
            return owner.has(Family.ENVERS, "Audited") || field.has(Family.ENVERS, "Audited");
        }
        return !owner.has(Family.JPA, "MappedSuperclass") || owner.has(Family.ENVERS, "Audited") || field.has(Family.ENVERS, "Audited");
    }

    /**
     * {@code <table>_AUD} (or {@code audit_table_prefix} + table + {@code audit_table_suffix}), through the physical
     * naming (Envers names it before the strategy sees it).
     */
    static PhysicalName name(PhysicalName audited, MappingContext ctx) {
        EnversSettings envers = ctx.options().hibernate().envers();
        String name = envers.prefix() + audited.text() + envers.suffix();
        return audited.quoted() ? new PhysicalName(name, true) : ctx.naming().physical(name);
    }

    /** The revision column, {@code REV} or {@code revision_field_name}. */
    private static PhysicalName revisionColumn(MappingContext ctx) {
        return ctx.naming().physical(ctx.options().hibernate().envers().revision());
    }

    /** The revision type column, {@code REVTYPE} or {@code revision_type_field_name}. */
    private static PhysicalName revisionTypeColumn(MappingContext ctx) {
        return ctx.naming().physical(ctx.options().hibernate().envers().revisionType());
    }

    /** The audit table of an entity's table. */
    static Draft ofEntity(PhysicalName table, List<Column> columns, List<String> key, java.util.Set<String> notNull,
                          java.util.Map<String, String> checks, Inheritance.JoinedKey joined, java.util.Map<String, String> held,
                          MappingContext ctx) {
        List<Column> audited = new ArrayList<>();
        for (Column c : columns) {
            audited.add(copy(c, !key.contains(c.name()) && !notNull.contains(c.name())));
        }
        PhysicalName name = name(table, ctx);
        List<CheckConstraint> renamed = new ArrayList<>();
        checks.forEach((column, text) -> renamed.add(new CheckConstraint(CheckNames.name(name.emitted(), column, 0), text)));
        PhysicalName parent = joined == null ? null : name(joined.parentTable(), ctx);
        List<String> parentKey = joined == null ? List.of() : List.of(joined.parentColumn().emitted());
        EnversValidity validity = ctx.options().hibernate().envers().validity();
        // the end revision sits beside REVTYPE, in the root's table only; its timestamp there too, unless asked for
        // in every table of a joined hierarchy
        PhysicalName end = parent != null ? null : endRevision(validity, ctx);
        Column endTimestamp = parent != null && (validity == null || !validity.endTimestampEveryTable()) ? null
                : endTimestamp(validity, ctx);
        return new Draft(name, audited, key, renamed, parent, parentKey, revisionColumn(ctx), revisionTypeColumn(ctx), end,
                endTimestamp, held);
    }

    /** The audit table of an audited join or collection table: every column part of the key. */
    static Draft ofCollection(Table table, PhysicalName source, java.util.Map<String, String> held, MappingContext ctx) {
        List<Column> audited = table.columns().stream().map(c -> copy(c, false)).toList();
        PhysicalName name = name(source, ctx);
        EnversValidity validity = ctx.options().hibernate().envers().validity();
        return new Draft(name, audited, audited.stream().map(Column::name).toList(), List.of(), null, List.of(),
                revisionColumn(ctx), revisionTypeColumn(ctx), endRevision(validity, ctx), endTimestamp(validity, ctx), held);
    }

    /** The validity strategy's end revision column, or null with the default strategy. */
    private static PhysicalName endRevision(EnversValidity validity, MappingContext ctx) {
        return validity == null ? null : ctx.naming().physical(validity.endRevisionField());
    }

    /** The end revision's timestamp column ({@code timestamp(6)}, or {@code bigint} when numeric), or null when not stored. */
    private static Column endTimestamp(EnversValidity validity, MappingContext ctx) {
        if (validity == null || validity.endTimestampField() == null) {
            return null;
        }
        return Column.of(ctx.naming().physical(validity.endTimestampField()).emitted(),
                validity.endTimestampNumeric() ? ColumnType.BIGINT : ColumnType.of("timestamp(6)"), true);
    }

    /** A column as Envers copies it: its name and type only. */
    private static Column copy(Column c, boolean nullable) {
        return new Column(c.name(), c.type(), nullable, null, Identity.NONE);
    }

    /** Envers' default revision entity, when the sources declare none. */
    static Revision defaultRevision(MappingContext ctx) {
        return new Revision(ctx.naming().physical("REVINFO"), ctx.naming().physical("REV"), ColumnType.INTEGER);
    }

    /** The default revision table, and its sequence (one {@code hibernate_sequence} with the legacy id naming). */
    static Table defaultRevisionTable(Revision revision, MappingContext ctx) {
        List<Column> columns = List.of(Column.of(revision.column().emitted(), ColumnType.INTEGER, false),
                Column.of(ctx.naming().physical("REVTSTMP").emitted(), ColumnType.BIGINT, true));
        return new Table(revision.table().emitted(), columns, new PrimaryKey(null, List.of(revision.column().emitted())), List.of(),
                List.of(), List.of(), List.of());
    }

    static Sequence defaultRevisionSequence(Revision revision, MappingContext ctx) {
        HibernateSettings settings = ctx.options().hibernate();
        if (settings.legacyIds() || settings.singleIdSequence()) {
            return new Sequence(ctx.naming().physical("hibernate_sequence").emitted(), 1, 1);
        }
        return new Sequence(ctx.naming().physical(revision.table().text() + "_SEQ").emitted(), 1, 50);
    }

    /**
     * Adds the audit tables to the model, pointing at the revision entity's table, or at Envers' default revision
     * table (added with its sequence) when the sources declare none. With Envers' {@code default_schema} another
     * schema than the managed one, the tables are Envers' to create there, but the default revision table's sequence
     * stays in the application's schema (as Hibernate 6.6 and 7.4 create it).
     */
    static void addTo(java.util.Map<String, Table> tables, java.util.Map<String, Sequence> sequences, List<Draft> drafts,
                      PhysicalName revisionTable, MappingContext ctx) {
        if (drafts.isEmpty()) {
            return;
        }
        boolean elsewhere = ctx.options().otherAuditSchema() != null;
        Table declared = revisionTable == null ? null : tables.get(revisionTable.emitted());
        Revision revision;
        if (declared != null && declared.primaryKey() != null && declared.primaryKey().columns().size() == 1) {
            String key = declared.primaryKey().columns().get(0);
            ColumnType type = declared.columns().stream().filter(c -> c.name().equals(key)).findFirst().orElseThrow().type();
            revision = new Revision(revisionTable, new PhysicalName(key, false), type);
        } else {
            revision = defaultRevision(ctx);
            if (!elsewhere) {
                tables.putIfAbsent(revision.table().emitted(), defaultRevisionTable(revision, ctx));
            }
            Sequence sequence = defaultRevisionSequence(revision, ctx);
            sequences.putIfAbsent(sequence.name(), sequence);
        }
        if (elsewhere) {
            return;
        }
        for (Draft draft : drafts) {
            tables.putIfAbsent(draft.name().emitted(), complete(draft, revision));
        }
    }

    /** The audit table itself, once the revision table is known. */
    static Table complete(Draft draft, Revision revision) {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.of(draft.revision().emitted(), revision.type(), false));
        if (draft.parent() == null) {
            columns.add(Column.of(draft.revisionType().emitted(), ColumnType.SMALLINT, true));
        }
        if (draft.revisionEnd() != null) {
            columns.add(Column.of(draft.revisionEnd().emitted(), revision.type(), true));
        }
        if (draft.endTimestamp() != null) {
            columns.add(draft.endTimestamp());
        }
        columns.addAll(draft.columns());
        List<String> written = new ArrayList<>();
        written.add(draft.revision().emitted());
        written.addAll(draft.key());
        // Hibernate orders the key's columns as any other (by size, then name): an integer id comes before REV
        java.util.Map<String, ColumnType> types = new java.util.LinkedHashMap<>();
        written.forEach(k -> types.put(k, columns.stream().filter(c -> c.name().equals(k)).findFirst().orElseThrow().type()));
        java.util.Map<String, String> names = new java.util.HashMap<>(draft.held());
        names.put(draft.revision().emitted(), draft.revision().text());
        List<String> key = HibernateColumnOrder.primaryKey(types, names);
        List<ForeignKey> foreignKeys = new ArrayList<>();
        if (draft.revisionEnd() != null) {
            foreignKeys.add(toRevision(draft, draft.revisionEnd(), revision));
        }
        ForeignKey foreignKey;
        if (draft.parent() == null) {
            foreignKey = toRevision(draft, draft.revision(), revision);
        } else {
            List<String> parentWritten = new ArrayList<>();
            parentWritten.add(draft.revision().emitted());
            parentWritten.addAll(draft.parentKey());
            // the foreign key lists its columns in the order of the parent audit table's key
            java.util.Map<String, ColumnType> parentTypes = new java.util.LinkedHashMap<>();
            for (int i = 0; i < parentWritten.size(); i++) {
                parentTypes.put(parentWritten.get(i), types.get(written.get(i)));
            }
            List<String> parentKey = HibernateColumnOrder.primaryKey(parentTypes, names);
            List<String> referencing = parentKey.stream().map(p -> written.get(parentWritten.indexOf(p))).toList();
            List<PhysicalName> hashed = new ArrayList<>();
            hashed.add(draft.revision());
            draft.key().forEach(k -> hashed.add(new PhysicalName(k, false)));
            foreignKey = new ForeignKey(HibernateNames.foreignKey(draft.name(), draft.parent(), hashed), referencing,
                    draft.parent().emitted(), parentKey, ReferentialAction.NO_ACTION);
        }
        foreignKeys.add(0, foreignKey);
        return new Table(draft.name().emitted(), columns, new PrimaryKey(null, key), foreignKeys, List.of(), List.of(),
                draft.checks());
    }

    /** A revision column's foreign key to the revision table. */
    private static ForeignKey toRevision(Draft draft, PhysicalName column, Revision revision) {
        return new ForeignKey(HibernateNames.foreignKey(draft.name(), revision.table(), List.of(column)), List.of(column.emitted()),
                revision.table().emitted(), List.of(revision.column().emitted()), ReferentialAction.NO_ACTION);
    }
}
