package io.migratewatch.source;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Facts that are global to the persistence unit rather than local to an entity: generators are
 * found by name anywhere, and an {@code @Converter(autoApply = true)} changes every attribute of its
 * type. {@link #signature()} changes whenever these might, so cached entity mappings can be dropped.
 */
final class GlobalFacts {

    private final Map<String, Ann> sequenceGenerators;
    private final Map<String, TypeInfo> autoConverted;
    private final List<String> signature;

    private GlobalFacts(Map<String, Ann> sequenceGenerators, Map<String, TypeInfo> autoConverted, List<String> signature) {
        this.sequenceGenerators = sequenceGenerators;
        this.autoConverted = autoConverted;
        this.signature = signature;
    }

    static GlobalFacts of(Collection<TypeInfo> types, TypeIndex index) {
        Map<String, Ann> generators = new HashMap<>();
        Map<String, TypeInfo> converted = new HashMap<>();
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
                converted.putIfAbsent(type, t);
                signature.add("converter " + type + " " + t.file() + "@" + t.version());
            });
        }
        signature.sort(null);
        return new GlobalFacts(generators, converted, List.copyOf(signature));
    }

    /**
     * The attribute type an {@code @Converter(autoApply = true) class X implements AttributeConverter<T, D>} converts,
     * also when X gets its type arguments from a watched generic superclass.
     */
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
        return ConverterTypes.of(t, new TypeResolver(index, new Dependencies()))
                .map(ConverterTypes.Arguments::attribute)
                .filter(JavaType.Named.class::isInstance)
                .map(n -> ((JavaType.Named) n).qualifiedName());
    }

    Optional<Ann> sequenceGenerator(String name) {
        return Optional.ofNullable(sequenceGenerators.get(name));
    }

    boolean isAutoConverted(JavaType type) {
        return autoConverter(type).isPresent();
    }

    /** The {@code @Converter(autoApply = true)} class for attributes of this type (a primitive's box included). */
    Optional<TypeInfo> autoConverter(JavaType type) {
        if (type instanceof JavaType.Primitive p) {
            return Optional.ofNullable(autoConverted.get(BOXES.get(p.name())));
        }
        return type instanceof JavaType.Named n ? Optional.ofNullable(autoConverted.get(n.qualifiedName())) : Optional.empty();
    }

    private static final Map<String, String> BOXES = Map.of("int", "java.lang.Integer", "long", "java.lang.Long",
            "short", "java.lang.Short", "byte", "java.lang.Byte", "boolean", "java.lang.Boolean",
            "double", "java.lang.Double", "float", "java.lang.Float", "char", "java.lang.Character");

    List<String> signature() {
        return signature;
    }
}
