package io.migratewatch.source;

import com.github.javaparser.ast.Node;

/**
 * An unresolvable mapping found while deriving one entity's table. Internal: the model builder
 * collects these over all entities and reports them together as one {@link SourceException}.
 */
final class MappingError extends RuntimeException {

    private final SourceProblem problem;

    MappingError(SourceProblem problem) {
        super(problem.format(), null, false, false);
        this.problem = problem;
    }

    static MappingError at(TypeInfo where, Node node, String message) {
        return new MappingError(Problems.at(where, node, message));
    }

    SourceProblem problem() {
        return problem;
    }
}
