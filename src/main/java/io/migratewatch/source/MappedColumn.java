package io.migratewatch.source;

import io.migratewatch.schema.CheckConstraint;
import io.migratewatch.schema.Column;
import io.migratewatch.schema.ForeignKey;
import io.migratewatch.schema.Identity;

import java.util.List;

/**
 * One column an attribute contributes, with the constraints that travel with it.
 *
 * @param logical    the name as written or implied, before physical naming (what
 *                   {@code @UniqueConstraint(columnNames)} and {@code @Index(columnList)} may refer to)
 * @param foreignKey null for basic attributes
 */
record MappedColumn(String logical, PhysicalName name, Column column, boolean unique, List<CheckConstraint> checks,
                    ForeignKey foreignKey) {

    MappedColumn {
        checks = List.copyOf(checks);
    }

    MappedColumn withIdentity(Identity identity) {
        return new MappedColumn(logical, name, column.withIdentity(identity), unique, checks, foreignKey);
    }

    MappedColumn withNullable(boolean nullable) {
        return new MappedColumn(logical, name, column.withNullable(nullable), unique, checks, foreignKey);
    }
}
