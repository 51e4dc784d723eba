package io.migratewatch.migration;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The migrations as a graph of revisions and their parents: heads, order, ancestry. */
public final class RevisionGraph {

    private final Map<String, MigrationFile> byRevision;
    private final List<MigrationFile> ordered;

    private RevisionGraph(Map<String, MigrationFile> byRevision, List<MigrationFile> ordered) {
        this.byRevision = byRevision;
        this.ordered = ordered;
    }

    /** Validates the files as a graph: unique revisions, known parents, no cycles. */
    public static RevisionGraph of(List<MigrationFile> files) {
        Map<String, MigrationFile> byRevision = new LinkedHashMap<>();
        for (MigrationFile f : files) {
            MigrationFile previous = byRevision.put(f.revision(), f);
            if (previous != null) {
                throw new MigrationFileException(f.path(), 2, "revision " + f.revision() + " is also used by "
                        + previous.fileName() + ": every migration needs its own revision");
            }
        }
        for (MigrationFile f : files) {
            for (String parent : f.parents()) {
                if (!byRevision.containsKey(parent)) {
                    throw new MigrationFileException(f.path(), 3, "unknown parent " + parent
                            + ": no migration file has that revision (was a file deleted or not pulled?)");
                }
            }
        }
        return new RevisionGraph(byRevision, topological(files, byRevision));
    }

    /** Parents before children; among siblings, older first. */
    private static List<MigrationFile> topological(List<MigrationFile> files, Map<String, MigrationFile> byRevision) {
        Map<String, Integer> pending = new HashMap<>();
        Map<String, List<MigrationFile>> children = new HashMap<>();
        for (MigrationFile f : files) {
            pending.put(f.revision(), f.parents().size());
            f.parents().forEach(p -> children.computeIfAbsent(p, k -> new ArrayList<>()).add(f));
        }
        Comparator<MigrationFile> age = Comparator.comparing(MigrationFile::created).thenComparing(MigrationFile::fileName);
        List<MigrationFile> ready = new ArrayList<>(files.stream().filter(f -> f.parents().isEmpty()).toList());
        List<MigrationFile> result = new ArrayList<>();
        while (!ready.isEmpty()) {
            ready.sort(age);
            MigrationFile next = ready.remove(0);
            result.add(next);
            for (MigrationFile child : children.getOrDefault(next.revision(), List.of())) {
                if (pending.merge(child.revision(), -1, Integer::sum) == 0) {
                    ready.add(child);
                }
            }
        }
        if (result.size() != files.size()) {
            MigrationFile stuck = files.stream().filter(f -> !result.contains(f)).findFirst().orElseThrow();
            throw new MigrationFileException(stuck.path(), 3, "the parents of this migration form a cycle");
        }
        return List.copyOf(result);
    }

    /** Every migration, parents before children. */
    public List<MigrationFile> ordered() {
        return ordered;
    }

    public boolean isEmpty() {
        return ordered.isEmpty();
    }

    public Optional<MigrationFile> get(String revision) {
        return Optional.ofNullable(byRevision.get(revision));
    }

    /** Finds a migration by revision or unambiguous revision prefix. */
    public Optional<MigrationFile> find(String revisionOrPrefix) {
        if (revisionOrPrefix == null || revisionOrPrefix.isBlank()) {
            return Optional.empty();
        }
        MigrationFile exact = byRevision.get(revisionOrPrefix);
        if (exact != null) {
            return Optional.of(exact);
        }
        List<MigrationFile> matches = ordered.stream().filter(f -> f.revision().startsWith(revisionOrPrefix)).toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    /** Revisions no other migration names as a parent. */
    public List<String> heads() {
        Set<String> parents = new LinkedHashSet<>();
        ordered.forEach(f -> parents.addAll(f.parents()));
        return ordered.stream().map(MigrationFile::revision).filter(r -> !parents.contains(r)).toList();
    }

    /** The revision and all its ancestors, in order. */
    public List<MigrationFile> upTo(String revision) {
        if (!byRevision.containsKey(revision)) {
            throw new IllegalArgumentException("no migration has revision " + revision);
        }
        Set<String> wanted = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(revision));
        while (!todo.isEmpty()) {
            String r = todo.pop();
            if (wanted.add(r)) {
                todo.addAll(byRevision.get(r).parents());
            }
        }
        return ordered.stream().filter(f -> wanted.contains(f.revision())).toList();
    }
}
