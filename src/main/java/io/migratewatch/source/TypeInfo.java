package io.migratewatch.source;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.TypeParameter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One class, interface, enum or record declared in a watched file, with the facts the mapping
 * reads from it. Nested types have their own TypeInfo, named {@code pkg.Outer.Inner}.
 */
final class TypeInfo {

    private final Path file;
    private final long version;
    private final FileImports imports;
    private final String qualifiedName;
    private final TypeDeclaration<?> declaration;
    private final TypeInfo enclosing;
    // Everything below is derived from this type's own, immutable syntax tree: computed once, since
    // model() asks the same questions of every type on every build.
    private final Map<Family, Map<String, Optional<AnnotationExpr>>> annotationMemo = new EnumMap<>(Family.class);
    private List<FieldDeclaration> fields;
    private List<FieldDeclaration> properties;
    private List<Ann> sequenceGenerators;

    TypeInfo(Path file, long version, FileImports imports, String qualifiedName, TypeDeclaration<?> declaration,
             TypeInfo enclosing) {
        this.file = file;
        this.version = version;
        this.imports = imports;
        this.qualifiedName = qualifiedName;
        this.declaration = declaration;
        this.enclosing = enclosing;
    }

    Path file() {
        return file;
    }

    long version() {
        return version;
    }

    FileImports imports() {
        return imports;
    }

    String qualifiedName() {
        return qualifiedName;
    }

    String simpleName() {
        return declaration.getNameAsString();
    }

    TypeDeclaration<?> declaration() {
        return declaration;
    }

    /** The type this one is nested in, or null for a top-level type. */
    TypeInfo enclosing() {
        return enclosing;
    }

    boolean isEnum() {
        return declaration instanceof EnumDeclaration;
    }

    boolean isInterface() {
        return declaration instanceof ClassOrInterfaceDeclaration c && c.isInterface();
    }

    boolean isClass() {
        return declaration instanceof ClassOrInterfaceDeclaration c && !c.isInterface();
    }

    List<String> enumConstants() {
        if (declaration instanceof EnumDeclaration e) {
            return e.getEntries().stream().map(EnumConstantDeclaration::getNameAsString).toList();
        }
        return List.of();
    }

    List<String> typeParameters() {
        if (declaration instanceof ClassOrInterfaceDeclaration c) {
            return c.getTypeParameters().stream().map(TypeParameter::getNameAsString).toList();
        }
        return List.of();
    }

    /** The {@code extends} clause of a class. */
    Optional<ClassOrInterfaceType> extendedType() {
        if (declaration instanceof ClassOrInterfaceDeclaration c && !c.isInterface() && !c.getExtendedTypes().isEmpty()) {
            return Optional.of(c.getExtendedTypes().get(0));
        }
        return Optional.empty();
    }

    /** Interfaces this type implements (or, for an interface, extends): constants are inherited from them. */
    List<ClassOrInterfaceType> superInterfaces() {
        if (declaration instanceof ClassOrInterfaceDeclaration c) {
            return c.isInterface() ? c.getExtendedTypes() : c.getImplementedTypes();
        }
        if (declaration instanceof EnumDeclaration e) {
            return e.getImplementedTypes();
        }
        return List.of();
    }

    List<FieldDeclaration> fields() {
        if (fields == null) {
            List<FieldDeclaration> all = new ArrayList<>();
            if (declaration instanceof RecordDeclaration r) {
                r.getParameters().forEach(p -> all.add(componentField(p)));
            }
            all.addAll(declaration.getFields());
            fields = List.copyOf(all);
        }
        return fields;
    }

    /**
     * The getters of this class as the fields property access persists ({@code getTotal()} → {@code total}),
     * in declaration order: made once, so an attribute's syntax nodes stay the same on every build.
     */
    List<FieldDeclaration> properties() {
        if (properties == null) {
            List<FieldDeclaration> all = new ArrayList<>();
            for (MethodDeclaration m : declaration.getMethods()) {
                PropertyAccess.propertyName(m).ifPresent(name -> all.add(PropertyAccess.asField(m, name)));
            }
            properties = List.copyOf(all);
        }
        return properties;
    }

    /**
     * A record component as the private final field the compiler makes of it (a record used as an
     * embeddable): a copy with the component's annotations and position, outside the syntax tree.
     */
    private static FieldDeclaration componentField(Parameter component) {
        NodeList<AnnotationExpr> annotations = new NodeList<>();
        component.getAnnotations().forEach(a -> {
            AnnotationExpr copy = a.clone();
            a.getRange().ifPresent(copy::setRange);
            annotations.add(copy);
        });
        VariableDeclarator variable = new VariableDeclarator(component.getType().clone(), component.getNameAsString());
        component.getRange().ifPresent(variable::setRange);
        component.getType().getRange().ifPresent(variable.getType()::setRange);
        FieldDeclaration field = new FieldDeclaration(new NodeList<>(Modifier.privateModifier(), Modifier.finalModifier()),
                annotations, new NodeList<>(variable));
        component.getRange().ifPresent(field::setRange);
        return field;
    }

    /** The @SequenceGenerator annotations declared on this type and its fields (generators are global). */
    List<Ann> sequenceGenerators() {
        if (sequenceGenerators == null) {
            List<Ann> found = new ArrayList<>(IdGeneration.declared(annotations(), this, "SequenceGenerator"));
            for (FieldDeclaration f : fields()) {
                if (!f.getAnnotations().isEmpty()) {
                    found.addAll(IdGeneration.declared(f.getAnnotations(), this, "SequenceGenerator"));
                }
            }
            sequenceGenerators = List.copyOf(found);
        }
        return sequenceGenerators;
    }

    /** The declared field (or constant) with this name in this type only. */
    Optional<VariableDeclarator> field(String name) {
        for (FieldDeclaration f : fields()) {
            for (VariableDeclarator v : f.getVariables()) {
                if (v.getNameAsString().equals(name)) {
                    return Optional.of(v);
                }
            }
        }
        return Optional.empty();
    }

    NodeList<AnnotationExpr> annotations() {
        return declaration.getAnnotations();
    }

    Optional<AnnotationExpr> annotation(Family family, String name) {
        return annotationMemo.computeIfAbsent(family, f -> new HashMap<>())
                .computeIfAbsent(name, n -> Annotations.find(declaration.getAnnotations(), imports, family, n));
    }

    boolean has(Family family, String name) {
        return annotation(family, name).isPresent();
    }

    @Override
    public String toString() {
        return qualifiedName;
    }
}
