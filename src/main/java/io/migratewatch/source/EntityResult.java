package io.migratewatch.source;

import io.migratewatch.schema.CommentTarget;
import io.migratewatch.schema.Renames;
import io.migratewatch.schema.Sequence;
import io.migratewatch.schema.Table;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one entity contributes to the model — its table (null when left out), sequences, warnings,
 * unmanaged tables and renames — with what it read, so it can be reused until one of those files
 * changes.
 *
 * @param collectionTables the join and collection tables of its collection fields
 * @param additions        columns its {@code @OneToMany @JoinColumn} fields add to other entities' tables
 * @param declaredAt       where the entity is declared, for problems that involve two entities
 * @param comments         the comments on its table and columns
 * @param audits           its Hibernate Envers audit tables, before the revision table is known
 * @param generatorTables  the tables of its id's table generator (shared with other entities using the same)
 */
record EntityResult(String entity, HierarchyRole role, String tableName, Table table, List<Table> collectionTables,
                    List<CollectionMapper.Addition> additions, List<Sequence> sequences,
                    List<SourceProblem> warnings, Set<String> unmanagedTables, Renames renames,
                    Map<Path, Long> dependencies, SourceProblem declaredAt, Map<CommentTarget, String> comments,
                    List<AuditTables.Draft> audits, List<Table> generatorTables) {

    EntityResult {
        collectionTables = List.copyOf(collectionTables);
        comments = Map.copyOf(comments);
        audits = List.copyOf(audits);
        generatorTables = List.copyOf(generatorTables);
        additions = List.copyOf(additions);
        sequences = List.copyOf(sequences);
        warnings = List.copyOf(warnings);
        unmanagedTables = Set.copyOf(unmanagedTables);
    }

    /** True while every file this mapping read is still at the version it read. */
    boolean isCurrent(java.util.function.Function<Path, Long> currentVersion) {
        for (Map.Entry<Path, Long> e : dependencies.entrySet()) {
            if (!e.getValue().equals(currentVersion.apply(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** The same result with its table replaced (another entity's columns merged in). */
    EntityResult withTable(Table merged) {
        return new EntityResult(entity, role, tableName, merged, collectionTables, additions, sequences, warnings, unmanagedTables,
                renames, dependencies, declaredAt, comments, audits, generatorTables);
    }
}
