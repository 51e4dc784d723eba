package io.migratewatch.source;

import com.github.javaparser.ast.type.ClassOrInterfaceType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every watched type by qualified name, and Java's rules for what a simple or dotted type name
 * means in a given file: member types (also inherited ones), single-type imports, the same package,
 * wildcard imports, java.lang — the subset of JLS 6.5 that entity models use. Names also resolve
 * to the {@link LibrarySuperclasses} (a watched type of the same name wins), which are not among
 * {@link #types()}: they are never mapped as the user's entities.
 */
final class TypeIndex {

    private static final int MAX_SUPERCLASS_DEPTH = 32;

    private final Map<String, TypeInfo> byName = new HashMap<>();
    private final List<TypeInfo> watched = new ArrayList<>();

    TypeIndex(Collection<ParsedFile> files) {
        this(files, List.of());
    }

    /** @param library the library sources: resolvable, but not watched types of the user's */
    TypeIndex(Collection<ParsedFile> files, Collection<ParsedFile> library) {
        for (ParsedFile f : files) {
            for (TypeInfo t : f.types()) {
                if (byName.putIfAbsent(t.qualifiedName(), t) == null) {
                    watched.add(t);
                }
            }
        }
        for (ParsedFile f : library) {
            for (TypeInfo t : f.types()) {
                byName.putIfAbsent(t.qualifiedName(), t);
            }
        }
    }

    Optional<TypeInfo> get(String qualifiedName) {
        return Optional.ofNullable(byName.get(qualifiedName));
    }

    /** The user's types: those of the watched files. */
    Collection<TypeInfo> types() {
        return Collections.unmodifiableList(watched);
    }

    /** Resolves a written type name ({@code Limits}, {@code Order.Status}, {@code com.x.Limits}) as seen from {@code context}. */
    TypeName resolve(String written, TypeInfo context) {
        return resolve(written, context, true);
    }

    private TypeName resolve(String written, TypeInfo context, boolean inherited) {
        int dot = written.indexOf('.');
        String first = dot < 0 ? written : written.substring(0, dot);
        String rest = dot < 0 ? "" : written.substring(dot);
        TypeName start = simple(first, context, inherited);
        if (start.isWatched()) {
            if (rest.isEmpty()) {
                return start;
            }
            TypeInfo nested = byName.get(start.qualifiedName() + rest);
            return nested == null ? TypeName.UNRESOLVED : TypeName.watched(nested);
        }
        if (start.isResolved()) {
            return TypeName.external(start.qualifiedName() + rest);
        }
        TypeInfo qualified = byName.get(written);
        if (qualified != null) {
            return TypeName.watched(qualified);
        }
        for (String pkg : context.imports().onDemand()) {
            if (KnownTypes.isKnown(pkg + "." + written)) {
                return TypeName.external(pkg + "." + written);
            }
        }
        // a fully qualified name of a type outside the watched folders
        if (dot > 0 && Character.isLowerCase(first.charAt(0))) {
            return TypeName.external(written);
        }
        return TypeName.UNRESOLVED;
    }

    private TypeName simple(String name, TypeInfo context, boolean inherited) {
        for (TypeInfo t = context; t != null; t = t.enclosing()) {
            TypeInfo member = byName.get(t.qualifiedName() + "." + name);
            if (member != null) {
                return TypeName.watched(member);
            }
            if (t.simpleName().equals(name)) {
                return TypeName.watched(t);
            }
            if (inherited) {
                TypeInfo fromSuper = inheritedMember(t, name);
                if (fromSuper != null) {
                    return TypeName.watched(fromSuper);
                }
            }
        }
        FileImports imports = context.imports();
        String imported = imports.singleTypes().get(name);
        if (imported != null) {
            TypeInfo t = byName.get(imported);
            return t != null ? TypeName.watched(t) : TypeName.external(imported);
        }
        TypeInfo samePackage = byName.get(imports.inPackage(name));
        if (samePackage != null) {
            return TypeName.watched(samePackage);
        }
        for (String pkg : imports.onDemand()) {
            TypeInfo t = byName.get(pkg + "." + name);
            if (t != null) {
                return TypeName.watched(t);
            }
        }
        if (KnownTypes.JAVA_LANG.contains(name)) {
            return TypeName.external("java.lang." + name);
        }
        return TypeName.UNRESOLVED;
    }

    // A member type declared in a superclass is in scope in its subclasses (e.g. an enum nested in a
    // mapped superclass, used by a field of the entity).
    private TypeInfo inheritedMember(TypeInfo type, String name) {
        TypeInfo t = type;
        for (int depth = 0; depth < MAX_SUPERCLASS_DEPTH; depth++) {
            Optional<ClassOrInterfaceType> ext = t.extendedType();
            if (ext.isEmpty()) {
                return null;
            }
            TypeName sup = resolve(ext.get().getNameWithScope(), t, false);
            if (!sup.isWatched()) {
                return null;
            }
            t = sup.watched();
            TypeInfo member = byName.get(t.qualifiedName() + "." + name);
            if (member != null) {
                return member;
            }
        }
        return null;
    }

    /** Resolves the superclass of a class, or UNRESOLVED / external when it is not watched. */
    TypeName superclass(TypeInfo type) {
        return type.extendedType().map(e -> resolve(e.getNameWithScope(), type, false)).orElse(TypeName.external("java.lang.Object"));
    }

    List<TypeInfo> all() {
        return List.copyOf(watched);
    }
}
