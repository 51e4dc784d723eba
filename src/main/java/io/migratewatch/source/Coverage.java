package io.migratewatch.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How much of the models the migrations cover: the entities mapped in full, the entities left out
 * (with their reasons) and the mapping files that are not read. A message may say that the database
 * matches the models only when {@link #complete()}; otherwise it must say what is not covered.
 *
 * @param mapped     entities whose tables migrations manage; -1 while not counted
 * @param leftOut    entities left out of migrations
 * @param unreadFiles mapping files (orm.xml, *.hbm.xml) whose mappings are not read, one problem each
 */
public record Coverage(int mapped, List<LeftOutEntity> leftOut, List<SourceProblem> unreadFiles) {

    /** What a model built without counting carries until {@link SourceIndex} counts it. */
    public static final Coverage NOT_COUNTED = new Coverage(-1, List.of(), List.of());

    public Coverage {
        leftOut = List.copyOf(leftOut);
        unreadFiles = List.copyOf(unreadFiles);
    }

    public boolean counted() {
        return mapped >= 0;
    }

    /** Nothing left out and nothing unread: the mapped entities are the whole model. */
    public boolean complete() {
        return leftOut.isEmpty() && unreadFiles.isEmpty();
    }

    Coverage plus(List<LeftOutEntity> moreLeftOut, List<SourceProblem> moreUnread) {
        List<LeftOutEntity> all = new ArrayList<>(leftOut);
        all.addAll(moreLeftOut);
        List<SourceProblem> files = new ArrayList<>(unreadFiles);
        files.addAll(moreUnread);
        return new Coverage(mapped, all, files);
    }

    /**
     * Counts what the model builder mapped: an entity is left out when its table is (a single-table
     * subclass goes with its root's table). {@code ModelBuilder.assemble} passes this.
     */
    static Coverage of(List<EntityResult> results, Set<String> unmanagedTables) {
        int mapped = 0;
        List<LeftOutEntity> leftOut = new ArrayList<>();
        Map<String, List<SourceProblem>> reasonsByTable = new LinkedHashMap<>();
        for (EntityResult r : results) {
            if (!r.unmanagedTables().isEmpty()) {
                reasonsByTable.computeIfAbsent(r.tableName(), t -> new ArrayList<>()).addAll(r.warnings());
            }
        }
        for (EntityResult r : results) {
            if (r.tableName() == null || !unmanagedTables.contains(r.tableName())) {
                mapped++;
                continue;
            }
            List<SourceProblem> reasons = r.unmanagedTables().isEmpty()
                    // a subclass whose columns live in a left-out root's table: its root's reasons are its own
                    ? reasonsByTable.getOrDefault(r.tableName(), List.of())
                    : r.warnings();
            leftOut.add(new LeftOutEntity(r.entity(), r.tableName(), reasons));
        }
        return new Coverage(mapped, leftOut, List.of());
    }
}
