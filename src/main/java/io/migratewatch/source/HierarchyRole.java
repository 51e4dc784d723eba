package io.migratewatch.source;

/** An entity's place in an entity inheritance hierarchy; a cached mapping is reused only while it stays the same. */
enum HierarchyRole {
    NONE,
    /** Extended by another entity, or annotated @Inheritance. */
    ROOT,
    /** Extends another entity. */
    SUBCLASS
}
