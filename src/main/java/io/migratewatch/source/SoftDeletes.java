package io.migratewatch.source;

import io.migratewatch.schema.Column;
import io.migratewatch.schema.ColumnType;
import io.migratewatch.schema.Identity;

import java.util.List;
import java.util.Optional;

/**
 * Hibernate's {@code @SoftDelete} on an entity: the column that marks a row deleted instead of removing it. Strategy
 * {@code DELETED} (the default) is a NOT NULL boolean {@code deleted}, {@code ACTIVE} a NOT NULL boolean
 * {@code active}, {@code TIMESTAMP} a nullable {@code deleted} holding the time of deletion (typed as an
 * {@code Instant}); {@code columnName} renames it. Hibernate comments the column {@value #COMMENT}. A {@code converter} of the boolean is not mapped yet.
 */
final class SoftDeletes {

    /** The comment Hibernate puts on the column. */
    static final String COMMENT = "Soft-delete indicator";

    private SoftDeletes() {
    }

    /** The soft-delete column of the entity's table, if it declares one. */
    static Optional<MappedColumn> column(TypeInfo entity, MappingContext ctx) {
        Optional<Ann> declared = entity.annotation(Family.HIBERNATE, "SoftDelete").map(a -> new Ann(a, entity));
        if (declared.isEmpty()) {
            return Optional.empty();
        }
        Ann softDelete = declared.get();
        ConstantResolver c = ctx.constants;
        String strategy = c.enumName(softDelete, "strategy", "DELETED");
        String written = ModelNames.read(c, softDelete, "columnName");
        String logical = !written.isBlank() ? written : strategy.equals("ACTIVE") ? "active" : "deleted";
        PhysicalName name = ctx.naming().physical(logical);
        boolean timestamp = strategy.equals("TIMESTAMP");
        JavaType javaType = new JavaType.Named(timestamp ? "java.time.Instant" : "java.lang.Boolean", null, List.of());
        ColumnType type = ctx.env.typeMapping.map(javaType, JavaTypeMapping.Hints.NONE).orElseThrow();
        Column column = new Column(name.emitted(), type, timestamp, null, Identity.NONE);
        return Optional.of(new MappedColumn(logical, name, column, false, List.of(), null));
    }

    /** What a {@code @SoftDelete} asks for that is not mapped yet, or null. */
    static String unsupported(Ann softDelete, MappingContext ctx) {
        return ctx.constants.classLiteral(softDelete, "converter").isPresent() ? "@SoftDelete(converter)" : null;
    }
}
