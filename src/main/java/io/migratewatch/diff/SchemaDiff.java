package io.migratewatch.diff;

import io.migratewatch.schema.CheckConstraint;
import io.migratewatch.schema.Column;
import io.migratewatch.schema.Constraint;
import io.migratewatch.schema.CommentTarget;
import io.migratewatch.schema.ForeignKey;
import io.migratewatch.schema.Identity;
import io.migratewatch.schema.Index;
import io.migratewatch.schema.IndexColumn;
import io.migratewatch.schema.PrimaryKey;
import io.migratewatch.schema.Renames;
import io.migratewatch.schema.Schema;
import io.migratewatch.schema.Sequence;
import io.migratewatch.schema.Table;
import io.migratewatch.schema.UniqueConstraint;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Compares two schemas and lists the changes that turn the first into the second, in an order
 * PostgreSQL accepts: foreign keys go before the tables and keys they depend on are dropped, and
 * tables exist before the keys that reference them are added. The reverse of the whole list,
 * each change reversed, is a valid way back.
 */
public final class SchemaDiff {

    private SchemaDiff() {
    }

    /** The result: ordered changes, and the column pairs that might have been renames. */
    public record Result(List<Change> changes, List<PossibleRename> possibleRenames) {

        public boolean isEmpty() {
            return changes.isEmpty();
        }

        /** What these changes would lose on the data as it is now; empty when nothing. */
        public List<DataLoss> losses(LiveData data) throws SQLException {
            List<DataLoss> losses = new ArrayList<>();
            for (Change change : changes) {
                change.loss(data).ifPresent(losses::add);
            }
            return losses;
        }

        /** The changes that undo these, in order. */
        public List<Change> reversed() {
            List<Change> down = new ArrayList<>();
            for (int i = changes.size() - 1; i >= 0; i--) {
                down.add(changes.get(i).reverse());
            }
            return down;
        }
    }

    public static Result between(Schema have, Schema want) {
        return between(have, want, Renames.NONE);
    }

    public static Result between(Schema have, Schema want, Renames renames) {
        Plan plan = new Plan();
        Schema current = applyRenames(have, want, renames, plan);
        Set<String> renamed = renamedTables(plan);

        for (Table old : current.tables().values()) {
            Table wanted = want.tables().get(old.name());
            if (wanted == null) {
                old.foreignKeys().forEach(fk -> plan.dropForeignKeys.add(new DropForeignKey(old.name(), fk)));
                old.indexes().forEach(ix -> plan.dropConstraints.add(new DropIndex(old.name(), ix)));
                plan.dropTables.add(new DropTable(old.withForeignKeys(List.of()).withIndexes(List.of())));
            } else {
                compareTables(old, wanted, plan);
                renameDerivedNames(old, wanted, renamed, plan);
            }
        }
        for (Table wanted : want.tables().values()) {
            if (!current.tables().containsKey(wanted.name())) {
                plan.createTables.add(new CreateTable(wanted.withForeignKeys(List.of()).withIndexes(List.of())));
                wanted.indexes().forEach(ix -> plan.addConstraints.add(new CreateIndex(wanted.name(), ix)));
                wanted.foreignKeys().forEach(fk -> plan.addForeignKeys.add(new AddForeignKey(wanted.name(), fk)));
            }
        }
        for (Sequence seq : want.sequences().values()) {
            Sequence old = current.sequences().get(seq.name());
            if (old == null) {
                plan.createSequences.add(new CreateSequence(seq));
            } else if (!old.equals(seq)) {
                plan.createSequences.add(new AlterSequence(old, seq));
            }
        }
        for (Sequence old : current.sequences().values()) {
            if (!want.sequences().containsKey(old.name())) {
                plan.dropSequences.add(new DropSequence(old));
            }
        }
        // comments last: on what exists once everything else is done; a dropped table's comments go with it
        java.util.SortedSet<CommentTarget> targets = new java.util.TreeSet<>(want.comments().keySet());
        targets.addAll(current.comments().keySet());
        for (CommentTarget target : targets) {
            String from = current.comments().get(target);
            String to = want.comments().get(target);
            Table wanted = want.tables().get(target.table());
            boolean exists = wanted != null && (target.isTable() || wanted.column(target.column()).isPresent());
            if (exists && !Objects.equals(from, to)) {
                plan.comments.add(new SetComment(target, from, to));
            }
        }
        return new Result(plan.ordered(), possibleRenames(plan));
    }

    private static void compareTables(Table old, Table wanted, Plan plan) {
        String t = wanted.name();
        Map<String, Column> oldColumns = old.columnsByName();
        Map<String, Column> newColumns = wanted.columnsByName();
        for (Column c : wanted.columns()) {
            Column before = oldColumns.get(c.name());
            if (before == null) {
                plan.addColumns.add(new AddColumn(t, c));
            } else if (!before.equals(c)) {
                alterColumn(t, before, c, plan);
            }
        }
        for (Column c : old.columns()) {
            if (!newColumns.containsKey(c.name())) {
                plan.dropColumns.add(new DropColumn(t, c));
            }
        }

        if (!Objects.equals(old.primaryKey(), wanted.primaryKey())) {
            if (old.primaryKey() != null) {
                plan.dropConstraints.add(new DropPrimaryKey(t, old.primaryKey()));
            }
            if (wanted.primaryKey() != null) {
                plan.addConstraints.add(new AddPrimaryKey(t, wanted.primaryKey()));
            }
        }
        for (ForeignKey fk : minus(old.foreignKeys(), wanted.foreignKeys())) {
            plan.dropForeignKeys.add(new DropForeignKey(t, fk));
        }
        for (ForeignKey fk : minus(wanted.foreignKeys(), old.foreignKeys())) {
            plan.addForeignKeys.add(new AddForeignKey(t, fk));
        }
        for (UniqueConstraint u : minus(old.uniques(), wanted.uniques())) {
            plan.dropConstraints.add(new DropUnique(t, u));
        }
        for (UniqueConstraint u : minus(wanted.uniques(), old.uniques())) {
            plan.addConstraints.add(new AddUnique(t, u));
        }
        for (Index ix : minus(old.indexes(), wanted.indexes())) {
            plan.dropConstraints.add(new DropIndex(t, ix));
        }
        for (Index ix : minus(wanted.indexes(), old.indexes())) {
            plan.addConstraints.add(new CreateIndex(t, ix));
        }
        for (CheckConstraint c : minus(old.checks(), wanted.checks())) {
            plan.dropConstraints.add(new DropCheck(t, c));
        }
        for (CheckConstraint c : minus(wanted.checks(), old.checks())) {
            plan.addConstraints.add(new AddCheck(t, c));
        }
    }

    /**
     * The tables renamed or with a renamed column: the names of their keys and indexes, and of the foreign keys that
     * reference them, are often made from those names ({@code <table>_pkey}, Hibernate's hashed foreign key names).
     */
    private static Set<String> renamedTables(Plan plan) {
        Set<String> tables = new HashSet<>();
        for (Change change : plan.renames) {
            tables.add(change instanceof RenameTable t ? t.to() : ((RenameColumn) change).table());
        }
        return tables;
    }

    /**
     * The constraints that stay but that the wanted schema names otherwise, on a table a rename touched: they take the
     * wanted name. Otherwise the database keeps the old name while a migration that creates the same tables afresh
     * (the daemon's open migration rewritten as the net change from its parent) uses the new one, and its down
     * section then drops a constraint that does not exist. Elsewhere a different name alone changes nothing.
     */
    private static void renameDerivedNames(Table old, Table wanted, Set<String> renamed, Plan plan) {
        String t = wanted.name();
        boolean here = renamed.contains(t);
        BiConsumer<String, String> constraint = (from, to) -> plan.renames.add(new RenameConstraint(t, from, to));
        if (here) {
            renameMatched(Stream.ofNullable(old.primaryKey()).toList(), Stream.ofNullable(wanted.primaryKey()).toList(), constraint);
            renameMatched(old.uniques(), wanted.uniques(), constraint);
            renameMatched(old.checks(), wanted.checks(), constraint);
            renameMatched(old.indexes(), wanted.indexes(), (from, to) -> plan.renames.add(new RenameIndex(t, from, to)));
        }
        renameMatched(old.foreignKeys().stream().filter(fk -> here || renamed.contains(fk.referencedTable())).toList(),
                wanted.foreignKeys(), constraint);
    }

    private static <T extends Constraint> void renameMatched(List<T> old, List<T> wanted, BiConsumer<String, String> rename) {
        for (T before : old) {
            wanted.stream().filter(before::equals).findFirst()
                    .filter(after -> !after.name().equals(before.name()))
                    .ifPresent(after -> rename.accept(before.name(), after.name()));
        }
    }

    /** Identity goes first when removed and last when added, since an identity column must be NOT NULL. */
    private static void alterColumn(String t, Column before, Column after, Plan plan) {
        String c = after.name();
        List<Change> steps = plan.alterColumns;
        if (before.identity() != after.identity() && after.identity() == Identity.NONE) {
            steps.add(new AlterColumnIdentity(t, c, before.identity(), after.identity()));
        }
        boolean typeChanges = !before.type().equals(after.type());
        String defaultNow = before.defaultValue();
        if (typeChanges && defaultNow != null) {
            // an old default may not cast to the new type: drop it first, set the wanted one after
            steps.add(new AlterColumnDefault(t, c, defaultNow, null));
            defaultNow = null;
        }
        if (typeChanges) {
            steps.add(new AlterColumnType(t, c, before.type(), after.type()));
        }
        if (!Objects.equals(defaultNow, after.defaultValue())) {
            steps.add(new AlterColumnDefault(t, c, defaultNow, after.defaultValue()));
        }
        if (before.nullable() != after.nullable()) {
            steps.add(new AlterColumnNullability(t, c, after.nullable()));
        }
        if (before.identity() != after.identity() && after.identity() != Identity.NONE) {
            steps.add(new AlterColumnIdentity(t, c, before.identity(), after.identity()));
        }
    }

    private static <T> List<T> minus(List<T> a, List<T> b) {
        Set<T> others = new LinkedHashSet<>(b);
        return a.stream().filter(x -> !others.contains(x)).toList();
    }

    /** Renames given by the user are applied first, and the rest of the diff sees the renamed schema. */
    private static Schema applyRenames(Schema have, Schema want, Renames renames, Plan plan) {
        Schema current = have;
        for (var entry : renames.tables().entrySet()) {
            String to = entry.getKey();
            String from = entry.getValue();
            if (current.tables().containsKey(from) && !current.tables().containsKey(to)
                    && want.tables().containsKey(to) && !want.tables().containsKey(from)) {
                plan.renames.add(new RenameTable(from, to));
                current = renameTable(current, from, to);
            }
        }
        for (var tableEntry : renames.columns().entrySet()) {
            String table = tableEntry.getKey();
            for (var entry : tableEntry.getValue().entrySet()) {
                String to = entry.getKey();
                String from = entry.getValue();
                Table existing = current.tables().get(table);
                Table wanted = want.tables().get(table);
                if (existing != null && wanted != null && existing.column(from).isPresent() && existing.column(to).isEmpty()
                        && wanted.column(to).isPresent() && wanted.column(from).isEmpty()) {
                    plan.renames.add(new RenameColumn(table, from, to));
                    current = renameColumn(current, table, from, to);
                }
            }
        }
        return current;
    }

    private static Schema renameTable(Schema schema, String from, String to) {
        List<Table> tables = new ArrayList<>();
        for (Table t : schema.tables().values()) {
            Table renamed = t.name().equals(from) ? t.withName(to) : t;
            tables.add(renamed.withForeignKeys(renamed.foreignKeys().stream()
                    .map(fk -> fk.referencedTable().equals(from)
                            ? new ForeignKey(fk.name(), fk.columns(), to, fk.referencedColumns(), fk.onDelete()) : fk)
                    .toList()));
        }
        java.util.Map<CommentTarget, String> comments = new java.util.HashMap<>();
        schema.comments().forEach((t, text) -> comments.put(t.table().equals(from) ? new CommentTarget(to, t.column()) : t, text));
        return Schema.of(tables, schema.sequences().values()).withComments(comments);
    }

    private static Schema renameColumn(Schema schema, String table, String from, String to) {
        UnaryOperator<String> r = name -> name.equals(from) ? to : name;
        List<Table> tables = new ArrayList<>();
        for (Table t : schema.tables().values()) {
            if (t.name().equals(table)) {
                t = new Table(t.name(),
                        t.columns().stream().map(c -> c.name().equals(from) ? c.withName(to) : c).toList(),
                        t.primaryKey() == null ? null : new PrimaryKey(t.primaryKey().name(), t.primaryKey().columns().stream().map(r).toList()),
                        t.foreignKeys().stream().map(fk -> new ForeignKey(fk.name(), fk.columns().stream().map(r).toList(),
                                fk.referencedTable(), fk.referencedColumns(), fk.onDelete())).toList(),
                        t.uniques().stream().map(u -> new UniqueConstraint(u.name(), u.columns().stream().map(r).toList())).toList(),
                        t.indexes().stream().map(ix -> new Index(ix.name(), ix.columns().stream()
                                .map(k -> k.column() == null ? k : new IndexColumn(r.apply(k.column()), null, k.descending())).toList(),
                                ix.unique(), ix.where())).toList(),
                        t.checks());
            }
            t = t.withForeignKeys(t.foreignKeys().stream().map(fk -> fk.referencedTable().equals(table)
                    ? new ForeignKey(fk.name(), fk.columns(), fk.referencedTable(), fk.referencedColumns().stream().map(r).toList(), fk.onDelete())
                    : fk).toList());
            tables.add(t);
        }
        java.util.Map<CommentTarget, String> comments = new java.util.HashMap<>();
        schema.comments().forEach((c, text) -> comments.put(c.table().equals(table) && from.equals(c.column())
                ? new CommentTarget(table, to) : c, text));
        return Schema.of(tables, schema.sequences().values()).withComments(comments);
    }

    private static List<PossibleRename> possibleRenames(Plan plan) {
        List<PossibleRename> result = new ArrayList<>();
        for (Change drop : plan.dropColumns) {
            DropColumn d = (DropColumn) drop;
            for (Change add : plan.addColumns) {
                AddColumn a = (AddColumn) add;
                if (a.table().equals(d.table()) && a.column().type().equals(d.column().type())) {
                    result.add(new PossibleRename(d.table(), d.column().name(), a.column().name()));
                }
            }
        }
        return result;
    }

    /** Changes grouped by the phase in which they must run. */
    private static final class Plan {
        final List<Change> dropForeignKeys = new ArrayList<>();
        final List<Change> dropConstraints = new ArrayList<>();
        final List<Change> dropTables = new ArrayList<>();
        final List<Change> renames = new ArrayList<>();
        final List<Change> createSequences = new ArrayList<>();
        final List<Change> createTables = new ArrayList<>();
        final List<Change> addColumns = new ArrayList<>();
        final List<Change> alterColumns = new ArrayList<>();
        final List<Change> dropColumns = new ArrayList<>();
        final List<Change> addConstraints = new ArrayList<>();
        final List<Change> addForeignKeys = new ArrayList<>();
        final List<Change> dropSequences = new ArrayList<>();
        final List<Change> comments = new ArrayList<>();

        List<Change> ordered() {
            List<Change> all = new ArrayList<>(renames);
            all.addAll(dropForeignKeys);
            all.addAll(dropConstraints);
            all.addAll(dropTables);
            all.addAll(createSequences);
            all.addAll(createTables);
            all.addAll(addColumns);
            all.addAll(alterColumns);
            all.addAll(dropColumns);
            all.addAll(addConstraints);
            all.addAll(addForeignKeys);
            all.addAll(dropSequences);
            all.addAll(comments);
            return List.copyOf(all);
        }
    }
}
