package io.migratewatch.source;

import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;

import java.util.Optional;

/**
 * An annotation use together with the type it was written in, since its values (constants,
 * imports) must be resolved from there — not from the entity that inherits it.
 */
record Ann(AnnotationExpr expr, TypeInfo owner) {

    /** The written value of an attribute; {@code value} also covers {@code @X("...")}. */
    Optional<Expression> get(String attribute) {
        if (expr instanceof SingleMemberAnnotationExpr s) {
            return attribute.equals("value") ? Optional.of(s.getMemberValue()) : Optional.empty();
        }
        if (expr instanceof NormalAnnotationExpr n) {
            for (MemberValuePair p : n.getPairs()) {
                if (p.getNameAsString().equals(attribute)) {
                    return Optional.of(p.getValue());
                }
            }
        }
        return Optional.empty();
    }

    String display() {
        return "@" + expr.getName().getIdentifier();
    }
}
