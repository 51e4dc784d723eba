package io.migratewatch.workflow;

import io.migratewatch.diff.SchemaDiff;

/**
 * A migration's changes and both its sections, after {@link ReversibilityProof} ran them: up reached
 * the wanted schema and down returned the one it started from. Empty when the start already was the
 * wanted schema. {@code proofWhenApplied}: a part of a migration too large for one transaction, whose
 * proof is made in the transaction that applies it instead.
 */
public record ProvenMigration(SchemaDiff.Result diff, String up, String down, boolean proofWhenApplied) {

    public ProvenMigration(SchemaDiff.Result diff, String up, String down) {
        this(diff, up, down, false);
    }

    ProvenMigration toProveWhenApplied() {
        return new ProvenMigration(diff, up, down, true);
    }

    public boolean isEmpty() {
        return diff.isEmpty();
    }
}
