package io.migratewatch.schema;

/**
 * A named part of a table that PostgreSQL can add and drop on its own. Two constraints are the
 * same when their {@link #key() structure} is: names are often invented by the database or by
 * Hibernate, and a different name alone is never a reason to rebuild a constraint.
 * Serializable, like the whole model, so that a replayed schema can be kept between runs.
 */
public interface Constraint extends java.io.Serializable {

    String name();

    /** The structure that identifies this constraint within its table, without the name. */
    Object key();
}
