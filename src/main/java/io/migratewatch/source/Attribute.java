package io.migratewatch.source;

import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;

import java.util.Map;
import java.util.Optional;

/**
 * One persistent field of an entity, possibly declared in a mapped superclass: {@code owner} is
 * the declaring type (its imports resolve the field's annotations), {@code bindings} the type
 * arguments the entity's {@code extends} chain gives the owner's type variables.
 */
record Attribute(TypeInfo owner, FieldDeclaration field, VariableDeclarator variable, Map<String, JavaType> bindings) {

    String name() {
        return variable.getNameAsString();
    }

    Optional<Ann> annotation(Family family, String name) {
        return Annotations.find(field.getAnnotations(), owner.imports(), family, name).map(a -> new Ann(a, owner));
    }

    boolean has(Family family, String name) {
        return annotation(family, name).isPresent();
    }

    Iterable<AnnotationExpr> annotations() {
        return field.getAnnotations();
    }

    /** True for fields JPA never persists: static, transient, or annotated {@code @Transient}. */
    boolean isTransient() {
        return field.isStatic() || field.isTransient() || has(Family.JPA, "Transient");
    }
}
