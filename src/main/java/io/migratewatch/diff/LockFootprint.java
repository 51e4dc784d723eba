package io.migratewatch.diff;

import io.migratewatch.schema.CheckConstraint;
import io.migratewatch.schema.Column;
import io.migratewatch.schema.ForeignKey;
import io.migratewatch.schema.Identity;
import io.migratewatch.schema.Index;
import io.migratewatch.schema.Schema;
import io.migratewatch.schema.Table;
import io.migratewatch.schema.UniqueConstraint;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How many entries of PostgreSQL's shared lock table one transaction running a list of changes holds
 * at most, also when it runs their reverse afterwards (as the proof does). A transaction keeps every lock until it ends, so a migration that creates a thousand
 * tables holds thousands of locks at once, and the server's lock table (sized by
 * {@code max_locks_per_transaction}) can run out. Counting from the schema, not the SQL, lets the
 * planner split a migration before anything runs.
 */
public final class LockFootprint {

    /**
     * Entries per relation: PostgreSQL keeps one entry per lock mode, and a relation is locked in several
     * (a new table: ACCESS EXCLUSIVE, then SHARE while its indexes are built, SHARE ROW EXCLUSIVE while a
     * foreign key into it is added, and more when the proof drops it again in the same transaction).
     * Measured on PostgreSQL 15: a proof that creates and drops tables of 8 relations and 4 constraints
     * holds 27 entries per table; this estimate gives about 41.
     */
    static final int ENTRIES_PER_RELATION = 4;

    /** The transaction's own entries (its id, the history table, the advisory lock, the catalog reads). */
    static final int BASE = 32;

    private LockFootprint() {
    }

    /** @param before the schema the changes start from; {@code after} the one they reach */
    public static int of(List<Change> changes, Schema before, Schema after) {
        Set<String> relations = new HashSet<>();
        changes.forEach(change -> relations.addAll(relations(change, before, after)));
        return entries(relations);
    }

    /**
     * The lock-table entries a transaction that locks these relations holds: each relation in up to three modes,
     * and each constraint (named {@code constraint …} in the set) once, on its catalog row.
     */
    static int entries(Set<String> relations) {
        int constraints = (int) relations.stream().filter(r -> r.startsWith(CONSTRAINT)).count();
        return BASE + (relations.size() - constraints) * ENTRIES_PER_RELATION + constraints;
    }

    private static final String CONSTRAINT = "constraint ";

    /**
     * The relations (and constraints) one change locks. A table change or a column change (which may rewrite
     * the table and so rebuild its indexes) locks the table with everything that belongs to it; an index
     * change the table and the index; a constraint change the table, the tables its foreign keys reference,
     * the index a key or unique constraint builds, and the constraint itself.
     */
    static Set<String> relations(Change change, Schema before, Schema after) {
        Set<String> relations = new HashSet<>();
        if (change instanceof SequenceChange s) {
            relations.add(s.sequenceName());
            return relations;
        }
        for (String table : change.tables()) {
            switch (change.subject()) {
                case INDEX -> {
                    relations.add(table);
                    relations.add(table + " index of " + change.describe());
                }
                case CONSTRAINT -> {
                    relations.add(table);
                    relations.add(table + " index of " + change.describe());
                    relations.add(CONSTRAINT + change.describe());
                    addReferenced(relations, before.tables().get(table));
                    addReferenced(relations, after.tables().get(table));
                }
                default -> {
                    addTable(relations, before.tables().get(table));
                    addTable(relations, after.tables().get(table));
                }
            }
        }
        return relations;
    }

    private static void addReferenced(Set<String> relations, Table t) {
        if (t != null) {
            t.foreignKeys().forEach(fk -> relations.add(fk.referencedTable()));
        }
    }

    private static void addTable(Set<String> relations, Table t) {
        if (t == null) {
            return;
        }
        relations.add(t.name());
        // the toast table and its index, which every table with a variable-length column has
        relations.add(t.name() + " toast");
        relations.add(t.name() + " toast index");
        if (t.primaryKey() != null) {
            relations.add(t.name() + " index " + t.primaryKey().name());
            relations.add(CONSTRAINT + t.name() + " " + t.primaryKey().name());
        }
        for (UniqueConstraint u : t.uniques()) {
            relations.add(t.name() + " index " + u.name());
            relations.add(CONSTRAINT + t.name() + " " + u.name());
        }
        for (Index i : t.indexes()) {
            relations.add(t.name() + " index " + i.name());
        }
        for (ForeignKey fk : t.foreignKeys()) {
            relations.add(fk.referencedTable());
            relations.add(CONSTRAINT + t.name() + " " + fk.name());
        }
        for (CheckConstraint check : t.checks()) {
            relations.add(CONSTRAINT + t.name() + " " + check.name());
        }
        for (Column c : t.columns()) {
            if (c.identity() != Identity.NONE) {
                relations.add(t.name() + " identity " + c.name());
            }
        }
    }
}
