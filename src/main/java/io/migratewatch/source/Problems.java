package io.migratewatch.source;

import com.github.javaparser.Position;
import com.github.javaparser.ast.Node;

/** Builds {@link SourceProblem}s from syntax-tree nodes, so every message carries file:line:col. */
final class Problems {

    /** The advice for anything that lies outside the watched folders. */
    static final String NOT_WATCHED = "is not in models.paths: add its source folder to models.paths in watcher.conf";

    private Problems() {
    }

    static SourceProblem at(TypeInfo where, Node node, String message) {
        Position p = node == null ? null : node.getBegin().orElse(null);
        return new SourceProblem(where.file(), p == null ? 0 : p.line, p == null ? 0 : p.column, message);
    }
}
