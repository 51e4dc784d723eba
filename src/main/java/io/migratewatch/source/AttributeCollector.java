package io.migratewatch.source;

import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.type.ClassOrInterfaceType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fields that make up an entity's table: those of its {@code @MappedSuperclass} ancestors (top
 * first, as Hibernate binds them) and its own, with the type arguments of generic superclasses
 * carried down the {@code extends} chain; getters instead of fields where JPA's access type is
 * property access ({@link PropertyAccess}). A superclass that is neither watched nor one of the
 * {@link LibrarySuperclasses} is an error: its fields cannot be known.
 */
final class AttributeCollector {

    /** A mapped superclass in the chain, with the bindings of its type variables. */
    private record Level(TypeInfo type, Map<String, JavaType> bindings) {
    }

    private final TypeIndex index;
    private final TypeResolver types;
    private final Dependencies dependencies;

    AttributeCollector(TypeIndex index, TypeResolver types, Dependencies dependencies) {
        this.index = index;
        this.types = types;
        this.dependencies = dependencies;
    }

    /** Every field, transient ones included (the caller decides), in table order. */
    List<Attribute> collect(TypeInfo entity) {
        List<Level> levels = new ArrayList<>();
        levels.add(new Level(entity, Map.of()));
        levels.addAll(mappedSuperclasses(entity));
        PropertyAccess hierarchy = PropertyAccess.ofHierarchy(topFirst(entity));
        List<Attribute> out = new ArrayList<>();
        for (int i = levels.size() - 1; i >= 0; i--) {
            Level level = levels.get(i);
            for (FieldDeclaration f : persistent(level.type(), PropertyAccess.ofClass(level.type(), hierarchy))) {
                for (VariableDeclarator v : f.getVariables()) {
                    out.add(new Attribute(level.type(), f, v, level.bindings()));
                }
            }
        }
        return out;
    }

    /**
     * A class's fields under field access, its getters (as fields) under property access; an attribute's own
     * {@code @Access} takes it from the other side (a getter with {@code @Access(PROPERTY)} in a field-access class).
     */
    private static List<FieldDeclaration> persistent(TypeInfo type, PropertyAccess access) {
        List<FieldDeclaration> out = new ArrayList<>();
        for (FieldDeclaration f : type.fields()) {
            if (access == PropertyAccess.FIELD || PropertyAccess.declared(f, type).orElse(null) == PropertyAccess.FIELD) {
                out.add(f);
            }
        }
        for (FieldDeclaration p : type.properties()) {
            if (access == PropertyAccess.PROPERTY || PropertyAccess.declared(p, type).orElse(null) == PropertyAccess.PROPERTY) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * The entity and every class above it that the index knows (entities and mapped superclasses alike, since the
     * root's {@code @Id} decides a subclass's access), top first.
     */
    private List<TypeInfo> topFirst(TypeInfo entity) {
        List<TypeInfo> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (TypeInfo t = entity; t != null && seen.add(t.qualifiedName()); ) {
            chain.add(0, t);
            TypeName sup = index.superclass(t);
            t = sup.isWatched() ? sup.watched() : null;
            if (t != null) {
                dependencies.add(t);
            }
        }
        return chain;
    }

    /** The mapped superclasses above a type, nearest first. Plain classes in between are passed through. */
    List<TypeInfo> superclasses(TypeInfo entity) {
        return mappedSuperclasses(entity).stream().map(Level::type).toList();
    }

    private List<Level> mappedSuperclasses(TypeInfo entity) {
        List<Level> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        TypeInfo current = entity;
        Map<String, JavaType> bindings = Map.of();
        while (seen.add(current.qualifiedName())) {
            Optional<ClassOrInterfaceType> ext = current.extendedType();
            if (ext.isEmpty()) {
                break;
            }
            TypeName sup = index.resolve(ext.get().getNameWithScope(), current);
            if (!sup.isWatched()) {
                if ("java.lang.Object".equals(sup.qualifiedName())) {
                    break;
                }
                throw MappingError.at(current, ext.get(), "superclass " + ext.get().getNameWithScope() + " of "
                        + current.simpleName() + " " + Problems.NOT_WATCHED);
            }
            TypeInfo superType = sup.watched();
            dependencies.add(superType);
            if (superType.has(Family.JPA, "Entity")) {
                break;      // entity inheritance: reported by the model builder, not mapped here
            }
            bindings = types.bindings(superType, ext.get(), current, bindings);
            if (superType.has(Family.JPA, "MappedSuperclass")) {
                out.add(new Level(superType, bindings));
            }
            current = superType;
        }
        return out;
    }
}
