package io.migratewatch.source;

import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.expr.AnnotationExpr;

import java.util.ArrayList;
import java.util.List;

/** Hibernate's {@code @Check} annotations on a class or field: each {@code @Check} (it repeats) and those in {@code @Checks}. */
final class HibernateChecks {

    private HibernateChecks() {
    }

    static List<Ann> of(NodeList<AnnotationExpr> annotations, TypeInfo owner, ConstantResolver c) {
        List<Ann> out = new ArrayList<>();
        for (AnnotationExpr a : annotations) {
            if (Annotations.is(a, owner.imports(), Family.HIBERNATE, "Check")) {
                out.add(new Ann(a, owner));
            } else if (Annotations.is(a, owner.imports(), Family.HIBERNATE, "Checks")) {
                out.addAll(c.annotations(new Ann(a, owner), "value"));
            }
        }
        return out;
    }
}
