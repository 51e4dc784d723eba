package io.migratewatch.source;

import com.github.javaparser.ast.type.ClassOrInterfaceType;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The two type arguments of {@code AttributeConverter<A, D>} that a converter class gives, found through its
 * watched superclasses and interfaces with their type variables bound ({@code class StatusConverter extends
 * CodeConverter<Status>} and {@code abstract class CodeConverter<E> implements AttributeConverter<E, String>}).
 */
final class ConverterTypes {

    /** The attribute side (A) and the database side (D). */
    record Arguments(JavaType attribute, JavaType database) {
    }

    private static final int MAX_DEPTH = 16;

    private ConverterTypes() {
    }

    /** Empty when the hierarchy leaves the watched sources before it reaches AttributeConverter. */
    static Optional<Arguments> of(TypeInfo converter, TypeResolver types) {
        return walk(converter, Map.of(), types, 0);
    }

    private static Optional<Arguments> walk(TypeInfo type, Map<String, JavaType> bindings, TypeResolver types, int depth) {
        if (depth > MAX_DEPTH) {
            return Optional.empty();
        }
        for (ClassOrInterfaceType i : type.superInterfaces()) {
            if (isAttributeConverter(i, type)) {
                List<com.github.javaparser.ast.type.Type> args = i.getTypeArguments().map(List::copyOf).orElse(List.of());
                if (args.size() != 2) {
                    return Optional.empty();
                }
                return Optional.of(new Arguments(types.resolve(args.get(0), type, bindings), types.resolve(args.get(1), type, bindings)));
            }
        }
        List<ClassOrInterfaceType> supers = new java.util.ArrayList<>(type.superInterfaces());
        type.extendedType().ifPresent(supers::add);
        for (ClassOrInterfaceType s : supers) {
            JavaType resolved = types.resolve(s, type, bindings);
            if (resolved instanceof JavaType.Named n && n.watched() != null) {
                Optional<Arguments> found = walk(n.watched(), types.bindings(n.watched(), s, type, bindings), types, depth + 1);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isAttributeConverter(ClassOrInterfaceType i, TypeInfo context) {
        String name = i.getNameWithScope();
        if (name.equals("jakarta.persistence.AttributeConverter") || name.equals("javax.persistence.AttributeConverter")) {
            return true;
        }
        if (!name.equals("AttributeConverter")) {
            return false;
        }
        String imported = context.imports().singleTypes().get(name);
        if (imported != null) {
            return imported.endsWith("persistence.AttributeConverter");
        }
        return context.imports().onDemand().stream().anyMatch(Family.JPA::owns);
    }
}
