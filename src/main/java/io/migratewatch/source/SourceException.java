package io.migratewatch.source;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The model sources cannot be turned into a schema: a syntax error, or a mapping that cannot be
 * resolved from the watched folders. Each problem says where and what to do.
 */
public class SourceException extends RuntimeException {

    private final List<SourceProblem> problems;

    public SourceException(List<SourceProblem> problems) {
        super(problems.stream().map(SourceProblem::format).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a SourceException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public SourceException(SourceProblem problem) {
        this(List.of(problem));
    }

    public List<SourceProblem> problems() {
        return problems;
    }
}
