package io.migratewatch.source;

import com.github.javaparser.JavaParser;
import com.github.javaparser.JavaToken;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.comments.Comment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one Java file (language level 17, no symbol solving) into a {@link ParsedFile}, or a
 * {@link SourceException} carrying JavaParser's syntax problems with their positions.
 *
 * <p>The index keeps every watched file's tree for as long as the daemon runs, and a whole
 * application is mostly controllers and services whose code no mapping reads. So only what
 * mapping reads is kept: declarations, annotations, fields with their initializers (constants),
 * enum constants, method signatures and comments — not method bodies, constructors or
 * initializer blocks, and not JavaParser's token list (positions stay on every node).
 */
final class JavaSourceParser {

    // RAW: the Java 17 grammar without the language-level validators and post-processors, which walk every tree again
    // (a third of the parse) to reject what a compiler rejects; migrate-watch reads declarations, it does not compile
    private final JavaParser parser = new JavaParser(new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.RAW));

    ParsedFile parse(Path path, String source, long version) {
        ParseResult<CompilationUnit> result = parser.parse(MethodBodies.blank(source));
        if (!result.isSuccessful() || result.getResult().isEmpty()) {
            List<SourceProblem> problems = new ArrayList<>();
            for (Problem p : result.getProblems()) {
                Range r = p.getLocation().flatMap(t -> foundToken(t.getBegin(), p.getMessage()).getRange()).orElse(null);
                problems.add(new SourceProblem(path, r == null ? 0 : r.begin.line, r == null ? 0 : r.begin.column,
                        "syntax error: " + shorten(p.getMessage())));
            }
            if (problems.isEmpty()) {
                problems.add(new SourceProblem(path, 0, 0, "syntax error: the file could not be parsed"));
            }
            throw new SourceException(problems);
        }
        CompilationUnit cu = result.getResult().get();
        slim(cu);
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

    /** Drops the code no mapping reads, and the tokens, which link the whole file's text to any node kept. */
    static void slim(CompilationUnit cu) {
        cu.findAll(MethodDeclaration.class).forEach(MethodDeclaration::removeBody);
        cu.findAll(ConstructorDeclaration.class).forEach(Node::remove);
        cu.findAll(CompactConstructorDeclaration.class).forEach(Node::remove);
        cu.findAll(InitializerDeclaration.class).forEach(Node::remove);
        List<Node> nodes = new ArrayList<>();
        cu.walk(nodes::add);
        for (Comment c : cu.getAllContainedComments()) {
            nodes.add(c);
        }
        cu.getComment().ifPresent(nodes::add);
        for (Node n : nodes) {
            Range range = n.getRange().orElse(null);
            n.setTokenRange(null);   // also clears the range, which is put back
            n.setRange(range);
        }
    }

    private static final Pattern FOUND = Pattern.compile("Found \"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final int MAX_TOKENS_AHEAD = 200;

    /**
     * JavaParser's problem range starts at the construct it was parsing (and runs on to where it
     * recovered); its message names the token that broke it ("Found \"private\""). Point at that
     * token, the first one with that text from the start of the range; else at the start.
     */
    private static JavaToken foundToken(JavaToken begin, String message) {
        Matcher m = FOUND.matcher(message);
        if (!m.find()) {
            return begin;
        }
        String text = m.group(1);
        JavaToken t = begin;
        for (int i = 0; i < MAX_TOKENS_AHEAD && t != null; i++) {
            if (!t.getCategory().isWhitespaceOrComment() && t.getText().equals(text)) {
                return t;
            }
            t = t.getNextToken().orElse(null);
        }
        return begin;
    }

    // JavaParser appends the whole list of tokens it expected; the first line says what is wrong.
    private static String shorten(String message) {
        String first = message.strip().lines().findFirst().orElse(message).strip();
        return first.length() > 300 ? first.substring(0, 300) + "…" : first;
    }
}
