package io.migratewatch.source;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses one Java file (language level 17, no symbol solving) into a {@link ParsedFile}, or a
 * {@link SourceException} carrying JavaParser's syntax problems with their positions.
 */
final class JavaSourceParser {

    private final JavaParser parser = new JavaParser(new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
            // positions and comments are all we need; tokens would only cost memory
            .setStoreTokens(false));

    ParsedFile parse(Path path, String source, long version) {
        ParseResult<CompilationUnit> result = parser.parse(source);
        if (!result.isSuccessful() || result.getResult().isEmpty()) {
            List<SourceProblem> problems = new ArrayList<>();
            for (Problem p : result.getProblems()) {
                Range r = p.getLocation().flatMap(t -> t.getBegin().getRange()).orElse(null);
                problems.add(new SourceProblem(path, r == null ? 0 : r.begin.line, r == null ? 0 : r.begin.column,
                        "syntax error: " + shorten(p.getMessage())));
            }
            if (problems.isEmpty()) {
                problems.add(new SourceProblem(path, 0, 0, "syntax error: the file could not be parsed"));
            }
            throw new SourceException(problems);
        }
        CompilationUnit cu = result.getResult().get();
        FileImports imports = FileImports.of(cu);
        List<TypeInfo> types = new ArrayList<>();
        for (TypeDeclaration<?> t : cu.getTypes()) {
            collect(path, version, imports, t, imports.inPackage(t.getNameAsString()), null, types);
        }
        Set<String> names = new LinkedHashSet<>();
        types.forEach(t -> names.add(t.qualifiedName()));
        return new ParsedFile(path, version, imports, List.copyOf(types), Set.copyOf(names));
    }

    private static void collect(Path path, long version, FileImports imports, TypeDeclaration<?> decl, String name,
                                TypeInfo enclosing, List<TypeInfo> out) {
        TypeInfo info = new TypeInfo(path, version, imports, name, decl, enclosing);
        out.add(info);
        for (BodyDeclaration<?> member : decl.getMembers()) {
            if (member instanceof TypeDeclaration<?> nested) {
                collect(path, version, imports, nested, name + "." + nested.getNameAsString(), info, out);
            }
        }
    }

    // JavaParser appends the whole list of tokens it expected; the first line says what is wrong.
    private static String shorten(String message) {
        String first = message.strip().lines().findFirst().orElse(message).strip();
        return first.length() > 300 ? first.substring(0, 300) + "…" : first;
    }
}
