package io.migratewatch.source;

import com.github.javaparser.Position;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two watched files declaring a class of the same qualified name (a copied folder, a second source
 * set in models.paths): which one an entity means cannot be told, so it is an error naming both.
 */
final class DuplicateTypes {

    private DuplicateTypes() {
    }

    /** One problem per duplicate top-level type, at the later file, in path order. */
    static List<SourceProblem> in(List<ParsedFile> filesInPathOrder) {
        Map<String, TypeInfo> first = new HashMap<>();
        List<SourceProblem> problems = new ArrayList<>();
        for (ParsedFile f : filesInPathOrder) {
            for (TypeInfo t : f.types()) {
                if (t.enclosing() != null) {
                    continue;   // a nested type is declared twice only when its top-level type is
                }
                TypeInfo earlier = first.putIfAbsent(t.qualifiedName(), t);
                if (earlier != null) {
                    Path common = commonFolder(earlier.file(), t.file());
                    problems.add(new SourceProblem(t.file(), line(t), column(t), t.qualifiedName() + " is declared twice: "
                            + place(common, earlier) + " and " + place(common, t)
                            + ": remove one, or take one folder out of models.paths"));
                }
            }
        }
        return problems;
    }

    // the shortest paths that still tell the two files apart
    private static String place(Path common, TypeInfo t) {
        Path shown = common == null ? t.file() : common.relativize(t.file());
        return shown.toString().replace('\\', '/') + ":" + line(t);
    }

    private static Path commonFolder(Path a, Path b) {
        Path folder = a.getParent();
        while (folder != null && !b.startsWith(folder)) {
            folder = folder.getParent();
        }
        return folder;
    }

    private static int line(TypeInfo t) {
        return t.declaration().getName().getBegin().map(p -> p.line).orElse(0);
    }

    private static int column(TypeInfo t) {
        return t.declaration().getName().getBegin().map((Position p) -> p.column).orElse(0);
    }
}
