package io.migratewatch.schema;

import java.util.Objects;

/**
 * A table column. The default is kept as SQL text in a canonical form (see {@link SqlExpressions})
 * so that {@code 'a'} and {@code 'a'::character varying} compare equal.
 */
public record Column(String name, ColumnType type, boolean nullable, String defaultValue, Identity identity) implements java.io.Serializable {

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        identity = identity == null ? Identity.NONE : identity;
        defaultValue = defaultValue == null || defaultValue.isBlank() ? null : SqlExpressions.canonicalDefault(defaultValue);
        if (identity != Identity.NONE) {
            nullable = false;
        }
    }

    public static Column of(String name, ColumnType type, boolean nullable) {
        return new Column(name, type, nullable, null, Identity.NONE);
    }

    public Column withNullable(boolean newNullable) {
        return new Column(name, type, newNullable, defaultValue, identity);
    }

    public Column withIdentity(Identity newIdentity) {
        return new Column(name, type, nullable, defaultValue, newIdentity);
    }

    public Column withName(String newName) {
        return new Column(newName, type, nullable, defaultValue, identity);
    }
}
