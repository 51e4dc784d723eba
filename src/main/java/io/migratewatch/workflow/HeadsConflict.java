package io.migratewatch.workflow;

import io.migratewatch.migration.MigrationFile;
import io.migratewatch.migration.RevisionGraph;

import java.util.List;
import java.util.Optional;

/** Several heads: two branches each added a migration on the same parent. Said the same by every command and the daemon. */
public final class HeadsConflict {

    private HeadsConflict() {
    }

    /** {@code CONFLICT: heads 3f4a5b6c (….sql) and 9b2c1d2e (….sql) — run migrate-watch merge}; empty for one head or none. */
    public static Optional<String> of(RevisionGraph graph) {
        List<String> heads = graph.heads();
        if (heads.size() < 2) {
            return Optional.empty();
        }
        List<String> named = heads.stream().map(r -> {
            MigrationFile f = graph.get(r).orElseThrow();
            return f.shortRevision() + " (" + f.fileName() + ")";
        }).toList();
        String list = String.join(", ", named.subList(0, named.size() - 1)) + " and " + named.get(named.size() - 1);
        return Optional.of("CONFLICT: heads " + list + " — run migrate-watch merge");
    }
}
