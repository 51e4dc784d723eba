package io.migratewatch.workflow;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;
import io.migratewatch.db.DatabaseErrors;
import io.migratewatch.db.LockTable;
import io.migratewatch.db.ScratchDatabase;
import io.migratewatch.db.Transaction;
import io.migratewatch.diff.Change;
import io.migratewatch.diff.LockFootprint;
import io.migratewatch.diff.MigrationSplit;
import io.migratewatch.diff.SchemaDiff;
import io.migratewatch.diff.TouchedTables;
import io.migratewatch.migration.LockHolders;
import io.migratewatch.migration.MigrationFile;
import io.migratewatch.migration.SqlScript;
import io.migratewatch.migration.SqlStatement;
import io.migratewatch.schema.Identifiers;
import io.migratewatch.sql.LockSafeScript;
import io.migratewatch.schema.Schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Plans a migration and proves it before it is applied for real: the up section must reach the
 * wanted schema and the down section must return the schema it started from.
 * <p>
 * A migration that fits the server's lock table is proven inside one transaction on the database
 * itself, always rolled back. One that does not (thousands of new tables on a stock server) is cut
 * into parts that each fit, each its own migration. Each part is then proven in the transaction that
 * applies it (up, then down in a savepoint that is rolled back): proving them beforehand would take a
 * scratch copy of the database and run every statement three times. Parts written lock-safe, whose
 * steps commit one by one, cannot be proven that way: they are proven in order on a scratch database
 * built with the current schema, where each part commits as it will on the real database.
 */
final class ReversibilityProof {

    /** Folding would make one migration larger than one transaction can lock: start a new one instead. */
    static final class TooLargeToFold extends RuntimeException {
        TooLargeToFold() {
            super(null, null, false, false);
        }
    }

    private final Project project;

    ReversibilityProof(Project project) {
        this.project = project;
    }

    /**
     * @param undoFirst a migration whose down section runs first (the one being folded into), or null
     * @param plan      the changes from the start schema (read inside the transaction) to the wanted one
     * @param unmanaged tables the models leave out, ignored in the comparison
     * @param known     the schema the database has now, when the caller just read it (saves reading it again), or null
     * @return the migrations to write, in order: one, or several when one transaction could not hold the whole
     * @throws TooLargeToFold when folding into {@code undoFirst} would not fit one transaction
     */
    List<ProvenMigration> prove(Connection c, MigrationFile undoFirst, Schema known, Function<Schema, SchemaDiff.Result> plan,
                                Schema want, Collection<String> unmanaged) throws SQLException {
        return prove(c, undoFirst, null, known, plan, want, unmanaged);
    }

    /**
     * @param undoTouches the tables {@code undoFirst}'s sections change, when the caller knows them from the run that
     *                    proved it; with {@code known}, only these are read again after its down section. Null: the
     *                    whole schema is
     */
    List<ProvenMigration> prove(Connection c, MigrationFile undoFirst, Set<String> undoTouches, Schema known,
                                Function<Schema, SchemaDiff.Result> plan, Schema want, Collection<String> unmanaged) throws SQLException {
        LockTable lockTable = LockTable.read(c);
        int budget = budget(lockTable);
        Schema wanted = want.without(unmanaged);
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        Schema start;
        SchemaDiff.Result diff;
        boolean lockSafe;
        try {
            if (undoFirst != null) {
                runLive(c, LockSafeScript.inTransaction(undoFirst.down()), "down section of " + undoFirst.fileName());
            }
            start = startSchema(c, undoFirst, undoTouches, known).without(unmanaged);
            diff = plan.apply(start);
            lockSafe = LockSafety.forGeneration(project, c, diff.changes());
            if (diff.isEmpty()) {
                return List.of(sections(diff, lockSafe));
            }
            if (LockFootprint.of(diff.changes(), start, wanted) <= budget) {
                return List.of(proveInTransaction(c, start, diff, wanted, lockSafe));
            }
            if (undoFirst != null) {
                throw new TooLargeToFold();
            }
        } finally {
            c.rollback();
            c.setAutoCommit(autoCommit);
        }
        return proveInParts(start, diff, wanted, lockTable, budget, lockSafe);
    }

    /**
     * The schema the changes start from, after {@code undoFirst}'s down section: {@code known} when nothing was undone;
     * when the tables the undone sections change are known, {@code known} with just those read again, and the tables
     * whose foreign keys point at them (a rename there changes what those keys name); else the whole schema, read again.
     */
    private Schema startSchema(Connection c, MigrationFile undoFirst, Set<String> undoTouches, Schema known) throws SQLException {
        if (known == null) {
            return project.inspect(c);
        }
        if (undoFirst == null) {
            return known;
        }
        if (undoTouches == null) {
            return project.inspect(c);
        }
        Set<String> reread = new TreeSet<>(undoTouches);
        known.tables().values().stream()
                .filter(t -> t.foreignKeys().stream().anyMatch(fk -> undoTouches.contains(fk.referencedTable())))
                .forEach(t -> reread.add(t.name()));
        return known.withTablesFrom(project.inspect(c, reread), reread);
    }

    /** {@code migrations.lock-budget}, or three quarters of the server's lock table. */
    private int budget(LockTable lockTable) {
        int configured = project.settings().migrations().lockBudget();
        return configured > 0 ? configured : lockTable.migrationBudget();
    }

    private ProvenMigration proveInTransaction(Connection c, Schema start, SchemaDiff.Result diff, Schema wanted, boolean lockSafe)
            throws SQLException {
        ProvenMigration migration = sections(diff, lockSafe);
        // the sections touch only these tables: reading just them keeps the proof's cost flat in the schema's size
        Set<String> touched = TouchedTables.of(diff.changes());
        // CONCURRENTLY cannot run in this transaction: the proof runs the same steps without it (LockSafeScript.inTransaction)
        runLive(c, LockSafeScript.inTransaction(migration.up()), "up section");
        requireReached(project.inspect(c, touched), wanted.only(touched));
        runLive(c, LockSafeScript.inTransaction(migration.down()), "down section");
        requireReturned(project.inspect(c, touched), start.only(touched));
        return migration;
    }

    private List<ProvenMigration> proveInParts(Schema start, SchemaDiff.Result diff, Schema wanted, LockTable lockTable, int budget,
                                               boolean lockSafe) throws SQLException {
        List<ProvenMigration> parts = new ArrayList<>();
        for (List<Change> part : MigrationSplit.within(diff.changes(), start, wanted, budget)) {
            parts.add(sections(new SchemaDiff.Result(part, parts.isEmpty() ? diff.possibleRenames() : List.of()), lockSafe));
        }
        if (!lockSafe) {
            // each part proves itself in the transaction that applies it: up, then down in a savepoint, rolled back
            return parts.stream().map(ProvenMigration::toProveWhenApplied).toList();
        }
        String why = "proving a migration of " + LockFootprint.of(diff.changes(), start, wanted) + " lock entries in "
                + parts.size() + " parts (one transaction may take " + budget + " of " + lockTable.capacity() + ": "
                + lockTable.describe() + ")";
        try (ScratchDatabase scratch = ScratchDatabase.create(project.database(), why);
             Connection s = scratch.connect()) {
            String schema = project.settings().database().schema();
            runAndCommit(s, "CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(schema), "scratch schema");
            SchemaDiff.Result build = SchemaDiff.between(Schema.EMPTY, start);
            for (List<Change> step : MigrationSplit.within(build.changes(), Schema.EMPTY, start, budget)) {
                runAndCommit(s, project.renderer().script(step), "copy of the current schema");
            }
            for (int i = 0; i < parts.size(); i++) {
                runAndCommit(s, LockSafeScript.inTransaction(parts.get(i).up()), "up section of part " + (i + 1));
            }
            requireReached(project.inspect(s), wanted);
            for (int i = parts.size() - 1; i >= 0; i--) {
                runAndCommit(s, LockSafeScript.inTransaction(parts.get(i).down()), "down section of part " + (i + 1));
            }
            requireReturned(project.inspect(s), start);
        }
        return parts;
    }

    /** Both sections of the changes, written lock-safe when {@link LockSafety#forGeneration} says so. */
    private ProvenMigration sections(SchemaDiff.Result diff, boolean lockSafe) {
        if (lockSafe) {
            return new ProvenMigration(diff, LockSafeScript.script(project.renderer(), diff.changes()),
                    LockSafeScript.script(project.renderer(), diff.reversed()));
        }
        return new ProvenMigration(diff, project.renderer().script(diff.changes()), project.renderer().script(diff.reversed()));
    }

    private static void requireReached(Schema have, Schema want) {
        SchemaDiff.Result left = SchemaDiff.between(have, want);
        if (!left.isEmpty()) {
            throw new MigrateWatchException(ExitCode.MIGRATION_FAILED, "the generated up section does not reach the models' schema; still different: "
                    + describe(left) + ". Nothing was applied.");
        }
    }

    private static void requireReturned(Schema have, Schema start) {
        SchemaDiff.Result back = SchemaDiff.between(have, start);
        if (!back.isEmpty()) {
            throw new MigrateWatchException(ExitCode.MIGRATION_FAILED, "the generated down section does not return the schema it started from; different: "
                    + describe(back) + ". Nothing was applied.");
        }
    }

    private static String describe(SchemaDiff.Result diff) {
        return diff.changes().stream().map(Change::describe).collect(Collectors.joining(", "));
    }

    /** One step on the scratch database, in a transaction of its own, as it will run on the real one. */
    private static void runAndCommit(Connection c, String sql, String what) throws SQLException {
        Transaction.run(c, () -> {
            run(c, sql, what, null);
            return null;
        });
    }

    /** {@link #run} on the database itself, where a statement that waited longer than lock_timeout names who held the lock. */
    private void runLive(Connection c, String sql, String what) throws SQLException {
        run(c, sql, what, project.settings().database().schema());
    }

    /** @param liveSchema the managed schema, when {@code c} is the database itself; null on a scratch database */
    private static void run(Connection c, String sql, String what, String liveSchema) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (SqlStatement st : SqlScript.statements(sql, 1)) {
                try {
                    s.execute(st.sql());
                } catch (SQLException e) {
                    String held = "";
                    if (liveSchema != null && DatabaseErrors.hasSqlState(e, "55P03")) {
                        // the proof fails either way: its transaction, aborted, is rolled back now so that the catalog can be read
                        c.rollback();
                        held = " (a lock held by " + LockHolders.describe(LockHolders.of(c, liveSchema, st.sql())) + ")";
                    }
                    throw new MigrateWatchException(ExitCode.MIGRATION_FAILED, "proving the migration failed in its " + what + ": "
                            + st.sql().lines().findFirst().orElse("") + " — " + e.getMessage() + held + ". Nothing was applied.", e);
                }
            }
        }
    }
}
