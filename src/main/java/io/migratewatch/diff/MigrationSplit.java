package io.migratewatch.diff;

import io.migratewatch.schema.Schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Cuts an ordered list of changes into consecutive parts whose transactions each fit a lock budget
 * (see {@link LockFootprint}). The changes are in an order that applies, so any consecutive cut
 * applies too: part k runs after parts 1..k-1, and its reverse before theirs.
 */
public final class MigrationSplit {

    private MigrationSplit() {
    }

    /**
     * @param budget the lock-table entries one part's transaction may hold
     * @return one part when everything fits, else several, each as large as the budget allows
     */
    public static List<List<Change>> within(List<Change> changes, Schema before, Schema after, int budget) {
        List<List<Change>> parts = new ArrayList<>();
        List<Change> part = new ArrayList<>();
        Set<String> locked = new HashSet<>();
        for (Change change : changes) {
            Set<String> more = LockFootprint.relations(change, before, after);
            Set<String> together = new HashSet<>(locked);
            together.addAll(more);
            if (!part.isEmpty() && LockFootprint.entries(together) > budget) {
                parts.add(List.copyOf(part));
                part = new ArrayList<>();
                together = new HashSet<>(more);
            }
            part.add(change);
            locked = together;
        }
        if (!part.isEmpty()) {
            parts.add(List.copyOf(part));
        }
        return parts;
    }
}
