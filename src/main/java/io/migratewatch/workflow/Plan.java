package io.migratewatch.workflow;

import io.migratewatch.diff.DataLoss;
import io.migratewatch.diff.PossibleRename;
import io.migratewatch.diff.SchemaDiff;

import java.util.List;
import java.util.stream.Collectors;

/** What {@link PlanMigration} found: nothing to do, changes that need review, or a migration proven reversible. */
public sealed interface Plan {

    /** The database already matches the models. */
    record NoChanges() implements Plan {
    }

    /**
     * Applying the changes would lose data that is there now: nothing may be written or applied
     * without the user's word. The wording of how to proceed lives here, for every caller.
     */
    record NeedsReview(SchemaDiff.Result diff, List<DataLoss> losses) implements Plan {

        public NeedsReview {
            losses = List.copyOf(losses);
        }

        /** {@code drops column users.age (1,204 values); drops table legacy (3 rows)} */
        public String summary() {
            return losses.stream().map(DataLoss::explanation).collect(Collectors.joining("; "));
        }

        /** The commands that proceed: accept the loss, or call it a rename when it looks like one. */
        public String howToProceed(String description) {
            String quoted = "\"" + description.replace("\"", "'") + "\"";
            StringBuilder sb = new StringBuilder("To accept the loss: migrate-watch generate ").append(quoted).append(" --allow-destructive");
            for (PossibleRename r : diff.possibleRenames()) {
                sb.append("\nIf ").append(r.table()).append('.').append(r.from()).append(" was renamed to ").append(r.to())
                        .append(", keep its data: migrate-watch generate ").append(quoted).append(' ').append(r.option())
                        .append("  (or put // @renamed from=").append(r.from()).append(" above the field)");
            }
            return sb.toString();
        }
    }

    /**
     * Migrations ready to write or apply: usually one; several, in order, when the changes need more locks
     * than one transaction may hold on this server (each part is then a migration of its own).
     *
     * @param changes    what the database receives now: the models against the live schema
     * @param migrations the migrations' own sections, proven: up reaches the models, down returns to where it
     *                   started. The same as {@code changes} for a new migration; for one the daemon folds into,
     *                   the net change from its parent (empty when the changes cancelled out)
     */
    record Planned(SchemaDiff.Result changes, List<ProvenMigration> migrations) implements Plan {

        public Planned {
            migrations = List.copyOf(migrations);
            if (migrations.isEmpty()) {
                throw new IllegalArgumentException("a plan has at least one migration");
            }
        }

        /** The one migration of a plan that fits one transaction (every fold does). */
        public ProvenMigration migration() {
            if (migrations.size() != 1) {
                throw new IllegalStateException("this plan has " + migrations.size() + " migrations");
            }
            return migrations.get(0);
        }
    }
}
