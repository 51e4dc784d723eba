package io.migratewatch.source;

/** An entity's place in an entity inheritance hierarchy (which is not supported yet). */
enum HierarchyRole {
    NONE,
    /** Extended by another entity, or annotated @Inheritance. */
    ROOT,
    /** Extends another entity. */
    SUBCLASS
}
