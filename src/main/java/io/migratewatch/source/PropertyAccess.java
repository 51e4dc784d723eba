package io.migratewatch.source;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;

import java.util.List;
import java.util.Optional;

/**
 * JPA's access type (JPA 3.2, 2.3): an entity hierarchy is read through its fields or through its
 * getters, as the placement of {@code @Id} / {@code @EmbeddedId} says (else a class-level
 * {@code @Access} at the top, else fields); a class's own {@code @Access} overrides that for its
 * attributes, and an attribute's {@code @Access} reads it the other way. A getter is a property
 * named as JavaBeans name it ({@code getTotal()} → {@code total}, {@code isActive()} → {@code active}).
 */
enum PropertyAccess {
    FIELD, PROPERTY;

    /** The hierarchy's default access, from its types listed top first. */
    static PropertyAccess ofHierarchy(List<TypeInfo> topFirst) {
        for (TypeInfo t : topFirst) {
            for (FieldDeclaration f : t.fields()) {
                if (isId(f, t)) {
                    return FIELD;
                }
            }
            for (MethodDeclaration m : t.declaration().getMethods()) {
                if (propertyName(m).isPresent() && isId(m, t)) {
                    return PROPERTY;
                }
            }
        }
        for (TypeInfo t : topFirst) {
            Optional<PropertyAccess> declared = declared(t.annotation(Family.JPA, "Access"));
            if (declared.isPresent()) {
                return declared.get();
            }
        }
        return FIELD;
    }

    /** The access of one class's attributes: its own {@code @Access}, else the hierarchy's. */
    static PropertyAccess ofClass(TypeInfo type, PropertyAccess hierarchy) {
        return declared(type.annotation(Family.JPA, "Access")).orElse(hierarchy);
    }

    /** The access an {@code @Access} annotation names (on a class, a field or a getter). */
    static Optional<PropertyAccess> declared(NodeWithAnnotations<?> member, TypeInfo owner) {
        return declared(Annotations.find(member.getAnnotations(), owner.imports(), Family.JPA, "Access"));
    }

    // an enum constant is written AccessType.PROPERTY, PROPERTY (static import) or fully qualified
    private static Optional<PropertyAccess> declared(Optional<AnnotationExpr> access) {
        return access.flatMap(a -> new Ann(a, null).get("value")).map(PropertyAccess::constant).flatMap(name -> {
            for (PropertyAccess p : values()) {
                if (p.name().equals(name)) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        });
    }

    private static String constant(Expression e) {
        if (e instanceof FieldAccessExpr f) {
            return f.getNameAsString();
        }
        return e instanceof NameExpr n ? n.getNameAsString() : "";
    }

    private static boolean isId(NodeWithAnnotations<?> member, TypeInfo owner) {
        return Annotations.find(member.getAnnotations(), owner.imports(), Family.JPA, "Id").isPresent()
                || Annotations.find(member.getAnnotations(), owner.imports(), Family.JPA, "EmbeddedId").isPresent();
    }

    /** The property a method reads, when it is a getter: an instance method without parameters that returns a value. */
    static Optional<String> propertyName(MethodDeclaration m) {
        if (m.isStatic() || !m.getParameters().isEmpty() || m.getType().isVoidType() || !m.getTypeParameters().isEmpty()) {
            return Optional.empty();
        }
        String name = m.getNameAsString();
        String type = m.getType().asString();
        if (name.length() > 3 && name.startsWith("get")) {
            return Optional.of(decapitalize(name.substring(3)));
        }
        if (name.length() > 2 && name.startsWith("is") && (type.equals("boolean") || type.equals("Boolean"))) {
            return Optional.of(decapitalize(name.substring(2)));
        }
        return Optional.empty();
    }

    // java.beans.Introspector's rule: getURL → URL, getName → name
    private static String decapitalize(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isUpperCase(s.charAt(1))) {
            return s;
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * A getter as the field the mapping reads: named as the property, of the getter's return type, with
     * the getter's annotations and positions (so problems point at the getter), outside the syntax tree.
     */
    static FieldDeclaration asField(MethodDeclaration getter, String property) {
        NodeList<AnnotationExpr> annotations = new NodeList<>();
        getter.getAnnotations().forEach(a -> {
            AnnotationExpr copy = a.clone();
            a.getRange().ifPresent(copy::setRange);
            annotations.add(copy);
        });
        VariableDeclarator variable = new VariableDeclarator(getter.getType().clone(), property);
        getter.getName().getRange().ifPresent(variable::setRange);
        getter.getType().getRange().ifPresent(variable.getType()::setRange);
        FieldDeclaration field = new FieldDeclaration(new NodeList<>(Modifier.privateModifier()), annotations,
                new NodeList<>(variable));
        getter.getRange().ifPresent(field::setRange);
        return field;
    }
}
