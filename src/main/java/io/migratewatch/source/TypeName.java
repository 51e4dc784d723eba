package io.migratewatch.source;

/**
 * What a type name written in a source file refers to: a watched type, an external one known by
 * its qualified name (from an import or java.lang), or nothing that can be found.
 */
record TypeName(String qualifiedName, TypeInfo watched) {

    static final TypeName UNRESOLVED = new TypeName(null, null);

    static TypeName watched(TypeInfo type) {
        return new TypeName(type.qualifiedName(), type);
    }

    static TypeName external(String qualifiedName) {
        return new TypeName(qualifiedName, null);
    }

    boolean isWatched() {
        return watched != null;
    }

    boolean isResolved() {
        return qualifiedName != null;
    }
}
