package io.migratewatch.source;

import io.migratewatch.schema.Renames;
import io.migratewatch.schema.Schema;

import java.util.List;
import java.util.Set;

/**
 * What the entity sources ask for.
 *
 * @param schema          the wanted tables and sequences (without the unmanaged tables)
 * @param renames         from {@code // @renamed from=old_name} comments: new physical name → old
 * @param warnings        mappings that are not supported yet, with where they are
 * @param unmanagedTables tables left out because of such mappings: the diff must leave them alone
 */
public record ParsedModel(Schema schema, Renames renames, List<SourceProblem> warnings, Set<String> unmanagedTables) {

    public ParsedModel {
        warnings = List.copyOf(warnings);
        unmanagedTables = Set.copyOf(unmanagedTables);
    }
}
