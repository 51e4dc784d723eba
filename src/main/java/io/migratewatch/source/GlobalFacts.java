package io.migratewatch.source;

import com.github.javaparser.ast.type.ClassOrInterfaceType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Facts that are global to the persistence unit rather than local to an entity: generators are
 * found by name anywhere, and an {@code @Converter(autoApply = true)} changes every attribute of its
 * type. {@link #signature()} changes whenever these might, so cached entity mappings can be dropped.
 */
final class GlobalFacts {

    private final Map<String, Ann> sequenceGenerators;
    private final Set<String> autoConverted;
    private final List<String> signature;

    private GlobalFacts(Map<String, Ann> sequenceGenerators, Set<String> autoConverted, List<String> signature) {
        this.sequenceGenerators = sequenceGenerators;
        this.autoConverted = autoConverted;
        this.signature = signature;
    }

    static GlobalFacts of(Collection<TypeInfo> types, TypeIndex index) {
        Map<String, Ann> generators = new HashMap<>();
        Set<String> converted = new HashSet<>();
        List<String> signature = new ArrayList<>();
        ConstantResolver constants = new ConstantResolver(index, new Dependencies());
        for (TypeInfo t : types) {
            List<Ann> found = t.sequenceGenerators();
            for (Ann g : found) {
                try {
                    String name = constants.string(g, "name", "");
                    if (!name.isBlank()) {
                        generators.putIfAbsent(name, g);
                        signature.add("generator " + name + " " + t.file() + "@" + t.version());
                    }
                } catch (MappingError ignored) {
                    // reported where the generator is used, if it is
                }
            }
            autoApplied(t, constants, index).ifPresent(type -> {
                converted.add(type);
                signature.add("converter " + type + " " + t.file() + "@" + t.version());
            });
        }
        signature.sort(null);
        return new GlobalFacts(generators, converted, List.copyOf(signature));
    }

    /** The attribute type an {@code @Converter(autoApply = true) class X implements AttributeConverter<T, D>} converts. */
    private static Optional<String> autoApplied(TypeInfo t, ConstantResolver constants, TypeIndex index) {
        Optional<Ann> converter = t.annotation(Family.JPA, "Converter").map(a -> new Ann(a, t));
        if (converter.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (!constants.bool(converter.get(), "autoApply", false)) {
                return Optional.empty();
            }
        } catch (MappingError e) {
            return Optional.empty();
        }
        for (ClassOrInterfaceType i : t.superInterfaces()) {
            if (i.getNameAsString().equals("AttributeConverter") && i.getTypeArguments().isPresent()
                    && !i.getTypeArguments().get().isEmpty()) {
                JavaType converted = new TypeResolver(index, new Dependencies())
                        .resolve(i.getTypeArguments().get().get(0), t, Map.of());
                if (converted instanceof JavaType.Named n) {
                    return Optional.of(n.qualifiedName());
                }
            }
        }
        return Optional.empty();
    }

    Optional<Ann> sequenceGenerator(String name) {
        return Optional.ofNullable(sequenceGenerators.get(name));
    }

    boolean isAutoConverted(JavaType type) {
        if (type instanceof JavaType.Primitive p) {
            return autoConverted.contains(BOXES.get(p.name()));
        }
        return type instanceof JavaType.Named n && autoConverted.contains(n.qualifiedName());
    }

    private static final Map<String, String> BOXES = Map.of("int", "java.lang.Integer", "long", "java.lang.Long",
            "short", "java.lang.Short", "byte", "java.lang.Byte", "boolean", "java.lang.Boolean",
            "double", "java.lang.Double", "float", "java.lang.Float", "char", "java.lang.Character");

    List<String> signature() {
        return signature;
    }
}
