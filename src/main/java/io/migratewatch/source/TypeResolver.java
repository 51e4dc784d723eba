package io.migratewatch.source;

import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a written type into a {@link JavaType}: names resolved through the index, and type
 * variables of generic mapped superclasses replaced by what the subclass's {@code extends} clause
 * binds them to.
 */
final class TypeResolver {

    private final TypeIndex index;
    private final Dependencies dependencies;

    TypeResolver(TypeIndex index, Dependencies dependencies) {
        this.index = index;
        this.dependencies = dependencies;
    }

    JavaType resolve(Type type, TypeInfo context, Map<String, JavaType> bindings) {
        if (type instanceof PrimitiveType p) {
            return new JavaType.Primitive(p.getType().asString());
        }
        if (type instanceof ArrayType a) {
            return new JavaType.Array(resolve(a.getComponentType(), context, bindings));
        }
        if (type instanceof ClassOrInterfaceType c) {
            String name = c.getNameWithScope();
            if (c.getScope().isEmpty()) {
                JavaType bound = bindings.get(name);
                if (bound != null) {
                    return bound;
                }
                for (TypeInfo t = context; t != null; t = t.enclosing()) {
                    if (t.typeParameters().contains(name)) {
                        return new JavaType.Variable(name, t.simpleName());
                    }
                }
            }
            List<JavaType> arguments = new ArrayList<>();
            c.getTypeArguments().ifPresent(args -> args.forEach(a -> arguments.add(resolve(a, context, bindings))));
            TypeName resolved = index.resolve(name, context);
            if (resolved.isWatched()) {
                dependencies.add(resolved.watched());
                return new JavaType.Named(resolved.qualifiedName(), resolved.watched(), arguments);
            }
            if (resolved.isResolved()) {
                return new JavaType.Named(resolved.qualifiedName(), null, arguments);
            }
            return new JavaType.Unresolved(name);
        }
        return new JavaType.Unresolved(type.asString());
    }

    /** The type variables of {@code superType} bound by an {@code extends SuperType<A, B>} clause written in {@code context}. */
    Map<String, JavaType> bindings(TypeInfo superType, ClassOrInterfaceType extendsClause, TypeInfo context,
                                   Map<String, JavaType> contextBindings) {
        List<String> parameters = superType.typeParameters();
        if (parameters.isEmpty() || extendsClause.getTypeArguments().isEmpty()) {
            return Map.of();
        }
        List<Type> args = extendsClause.getTypeArguments().get();
        java.util.HashMap<String, JavaType> out = new java.util.HashMap<>();
        for (int i = 0; i < parameters.size() && i < args.size(); i++) {
            out.put(parameters.get(i), resolve(args.get(i), context, contextBindings));
        }
        return out;
    }
}
