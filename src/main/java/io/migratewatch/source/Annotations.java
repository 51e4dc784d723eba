package io.migratewatch.source;

import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Name;

import java.util.Optional;
import java.util.Set;

/**
 * Recognises annotations by package as well as simple name: {@code @Column} counts only when it
 * comes from {@code jakarta.persistence} or {@code javax.persistence}, by import, wildcard import or
 * a fully qualified use.
 */
final class Annotations {

    // Names that exist in both jakarta.persistence and org.hibernate.annotations: with both packages
    // imported by wildcard the JPA one is meant (the Hibernate ones are deprecated or gone).
    private static final Set<String> ALSO_IN_JPA = Set.of("Table", "Index", "ForeignKey", "OrderBy",
            "NamedQuery", "NamedQueries", "NamedNativeQuery", "NamedNativeQueries");

    private Annotations() {
    }

    static Optional<AnnotationExpr> find(NodeList<AnnotationExpr> annotations, FileImports imports, Family family,
                                         String name) {
        for (AnnotationExpr a : annotations) {
            if (is(a, imports, family, name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    static boolean is(AnnotationExpr a, FileImports imports, Family family, String name) {
        Name n = a.getName();
        if (!n.getIdentifier().equals(name)) {
            return false;
        }
        if (n.getQualifier().isPresent()) {
            return family.owns(n.getQualifier().get().asString());
        }
        String imported = imports.singleTypes().get(name);
        if (imported != null) {
            int dot = imported.lastIndexOf('.');
            return dot > 0 && family.owns(imported.substring(0, dot));
        }
        boolean wildcard = imports.onDemand().stream().anyMatch(family::owns);
        if (wildcard && family == Family.HIBERNATE && ALSO_IN_JPA.contains(name)) {
            return imports.onDemand().stream().noneMatch(Family.JPA::owns);
        }
        return wildcard;
    }
}
