package io.migratewatch.workflow;

import io.migratewatch.migration.MigrationFile;

/**
 * What one run of the daemon's {@link AutoMigrate} did. The daemon decides what to say about it; the
 * visitor makes it handle every kind.
 */
public sealed interface AutoMigrateOutcome {

    <R> R accept(Visitor<R> visitor);

    interface Visitor<R> {
        R noChanges(NoChanges o);

        R modelsChanged(ModelsChanged o);

        R pending(Pending o);

        R conflict(Conflict o);

        R held(Held o);

        R generated(Generated o);

        R applied(Applied o);

        R foldedAway(FoldedAway o);
    }

    /** The database matches the models. */
    record NoChanges() implements AutoMigrateOutcome {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.noChanges(this);
        }
    }

    /** The models changed, and auto-generate is off: nothing was written. */
    record ModelsChanged(String description, int changes) implements AutoMigrateOutcome {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.modelsChanged(this);
        }
    }

    /** Migrations other than the daemon's own are pending: they come first, so nothing was generated. */
    record Pending(int migrations) implements AutoMigrateOutcome {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.pending(this);
        }
    }

    /**
     * The migrations have several heads (a pull brought another branch's migration): nothing was folded, generated or
     * applied until {@code migrate-watch merge} joins them.
     *
     * @param message {@code CONFLICT: heads 3f4a5b6c (file) and 9b2c1d2e (file) — run migrate-watch merge}
     */
    record Conflict(String message) implements AutoMigrateOutcome {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.conflict(this);
        }
    }

    /** The changes would lose data: nothing was written or applied. */
    record Held(String description, Plan.NeedsReview review) implements AutoMigrateOutcome {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.held(this);
        }
    }

    /** A migration was written (or folded into) and not applied, since auto-apply is off. */
    record Generated(MigrationFile migration, String description) implements AutoMigrateOutcome {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.generated(this);
        }
    }

    /**
     * A migration was applied: a new one, or the increment of the open one it was folded into.
     *
     * @param backup the backup step's line (the file, or why none was taken)
     */
    record Applied(MigrationFile migration, String description, boolean folded, long millis, String backup)
            implements AutoMigrateOutcome {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.applied(this);
        }
    }

    /** The changes undid the open migration: it was reverted and its file removed. */
    record FoldedAway(MigrationFile migration) implements AutoMigrateOutcome {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.foldedAway(this);
        }
    }
}
