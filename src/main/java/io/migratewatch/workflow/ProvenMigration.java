package io.migratewatch.workflow;

import io.migratewatch.diff.SchemaDiff;

/**
 * A migration's changes and both its sections, after {@link ReversibilityProof} ran them: up reached
 * the wanted schema and down returned the one it started from. Empty when the start already was the
 * wanted schema.
 */
public record ProvenMigration(SchemaDiff.Result diff, String up, String down) {

    public boolean isEmpty() {
        return diff.isEmpty();
    }
}
