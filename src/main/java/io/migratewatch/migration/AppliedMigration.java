package io.migratewatch.migration;

import java.time.Instant;
import java.util.List;

/** A row of the history table: one applied revision. */
public record AppliedMigration(String revision, List<String> parents, String description, String checksum,
                               Instant appliedAt, long durationMs, String appliedBy, String how) {
}
