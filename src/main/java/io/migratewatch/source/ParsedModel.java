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
 * @param coverage        how many entities are mapped, which are left out and which mapping files are not read
 */
public record ParsedModel(Schema schema, Renames renames, List<SourceProblem> warnings, Set<String> unmanagedTables,
                          Coverage coverage) {

    public ParsedModel {
        warnings = List.copyOf(warnings);
        unmanagedTables = Set.copyOf(unmanagedTables);
        coverage = coverage == null ? Coverage.NOT_COUNTED : coverage;
    }

    /** A model whose entities are not counted yet: {@link SourceIndex#model()} counts them. */
    public ParsedModel(Schema schema, Renames renames, List<SourceProblem> warnings, Set<String> unmanagedTables) {
        this(schema, renames, warnings, unmanagedTables, Coverage.NOT_COUNTED);
    }

    /** True when migrations cover every entity and every mapping: only then does the database "match the models". */
    public boolean complete() {
        return coverage.complete();
    }

    /** The entities whose tables migrations manage. */
    public int mappedEntities() {
        return Math.max(coverage.mapped(), 0);
    }

    public List<LeftOutEntity> leftOut() {
        return coverage.leftOut();
    }

    ParsedModel withCoverage(Coverage c) {
        return new ParsedModel(schema, renames, warnings, unmanagedTables, c);
    }
}
