package io.migratewatch.workflow;

import io.migratewatch.diff.Change;

/** A change that would lose data (or fail) on the rows a table holds now, and how many values it touches. */
public record DataLoss(Change change, long values, String explanation) {
}
