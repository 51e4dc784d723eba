package io.migratewatch.source;

import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;

import java.util.Map;
import java.util.Optional;

/**
 * One persistent field of an entity, possibly declared in a mapped superclass or inside an
 * embeddable: {@code owner} is the declaring type (its imports resolve the field's annotations),
 * {@code bindings} the type arguments the entity's {@code extends} chain gives the owner's type
 * variables.
 *
 * @param path           the attribute path from the entity ({@code address.point.latitude}); the field name for a
 *                       field of the entity itself
 * @param embedded       true for a field of an embeddable, whose columns follow the embeddable's rules
 * @param columnOverride an {@code @AttributeOverride}'s column that replaces the field's own {@code @Column}, or null
 * @param joinOverride   an {@code @AssociationOverride}'s join column that replaces the field's own, or null
 * @param valueType      the type of what the column holds when it is not the field's type (the element or key of a
 *                       collection), or null
 */
record Attribute(TypeInfo owner, FieldDeclaration field, VariableDeclarator variable, Map<String, JavaType> bindings,
                 String path, boolean embedded, Ann columnOverride, Ann joinOverride, JavaType valueType) {

    Attribute(TypeInfo owner, FieldDeclaration field, VariableDeclarator variable, Map<String, JavaType> bindings) {
        this(owner, field, variable, bindings, variable.getNameAsString(), false, null, null, null);
    }

    String name() {
        return variable.getNameAsString();
    }

    Optional<Ann> annotation(Family family, String name) {
        if (family == Family.JPA && columnOverride != null && name.equals("Column")) {
            return Optional.of(columnOverride);
        }
        if (family == Family.JPA && joinOverride != null && name.equals("JoinColumn")) {
            return Optional.of(joinOverride);
        }
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

    /** A primitive field of the entity: NOT NULL unless said otherwise. In an embeddable, Hibernate leaves it nullable. */
    boolean implicitlyNotNull() {
        return !embedded && variable.getType().isPrimitiveType();
    }

    /** This field as part of an embedded value at {@code path}, with the overrides that apply to it. */
    Attribute inEmbeddable(String path, Ann columnOverride, Ann joinOverride) {
        return new Attribute(owner, field, variable, bindings, path, true,
                columnOverride != null ? columnOverride : this.columnOverride, joinOverride != null ? joinOverride : this.joinOverride,
                valueType);
    }

    /** This field of the entity with a class-level override applied. */
    Attribute overridden(Ann columnOverride, Ann joinOverride) {
        return new Attribute(owner, field, variable, bindings, path, embedded,
                columnOverride != null ? columnOverride : this.columnOverride, joinOverride != null ? joinOverride : this.joinOverride,
                valueType);
    }

    /**
     * The element (or key) of a collection field as a column of the collection table: typed as the element,
     * named by {@code column} (an {@code @Column} or {@code @MapKeyColumn}) or else {@code implicitName}'s
     * owner's rules, and nullable as an embeddable's field is.
     */
    Attribute asCollectionValue(JavaType type, Ann column) {
        return new Attribute(owner, field, variable, bindings, path, true, column, null, type);
    }
}
