package io.migratewatch.source;

import io.migratewatch.schema.CheckConstraint;
import io.migratewatch.schema.Column;
import io.migratewatch.schema.ColumnType;
import io.migratewatch.schema.Identity;

import java.util.List;
import java.util.Optional;

/**
 * Hibernate's {@code @SoftDelete} on an entity: the column that marks a row deleted instead of removing it. Strategy
 * {@code DELETED} (the default) is a NOT NULL boolean {@code deleted}, {@code ACTIVE} a NOT NULL boolean
 * {@code active}, {@code TIMESTAMP} a nullable {@code deleted} holding the time of deletion (typed as an
 * {@code Instant}); {@code columnName} renames it. Hibernate comments the column {@value #COMMENT}. A {@code converter}
 * of Hibernate's own ({@code YesNoConverter}, {@code TrueFalseConverter}, {@code NumericBooleanConverter}) stores its
 * type with a check of its two values (the values of "not deleted" first); a converter of the application's own is not
 * mapped, because Hibernate checks the values it writes, which only running it gives.
 */
final class SoftDeletes {

    /** The comment Hibernate puts on the column. */
    static final String COMMENT = "Soft-delete indicator";

    private SoftDeletes() {
    }

    /** The soft-delete column of the entity's table, if it declares one. */
    static Optional<MappedColumn> column(TypeInfo entity, PhysicalName table, MappingContext ctx) {
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
        Optional<AttributeConversion.Conversion> conversion = timestamp ? Optional.empty() : converter(softDelete, ctx);
        JavaType javaType = conversion.map(AttributeConversion.Conversion::database)
                .orElse(new JavaType.Named(timestamp ? "java.time.Instant" : "java.lang.Boolean", null, List.of()));
        ColumnType type = ctx.env.typeMapping.map(javaType, JavaTypeMapping.Hints.NONE).orElseThrow();
        Column column = new Column(name.emitted(), type, timestamp, null, Identity.NONE);
        List<CheckConstraint> checks = conversion.map(x -> {
            // ACTIVE stores the negation: its values come in the other order
            List<String> values = strategy.equals("ACTIVE") ? List.of(x.allowed().get(1), x.allowed().get(0)) : x.allowed();
            String text = x.numeric() ? SqlText.inNumbers(name.emitted(), values) : SqlText.in(name.emitted(), values);
            return List.of(new CheckConstraint(CheckNames.name(table.emitted(), name.emitted(), 0), text));
        }).orElse(List.of());
        return Optional.of(new MappedColumn(logical, name, column, false, checks, null));
    }

    /** What a {@code @SoftDelete} asks for that is not mapped yet, or null. */
    static String unsupported(Ann softDelete, MappingContext ctx) {
        Optional<ConstantResolver.ClassLiteral> literal = ctx.constants.classLiteral(softDelete, "converter");
        if (literal.isEmpty() || converter(softDelete, ctx).isPresent()) {
            return null;
        }
        return "@SoftDelete(converter = " + literal.get().type() + ".class) (Hibernate adds a check of the values the"
                + " converter writes, which only running it gives)";
    }

    /** One of Hibernate's own converters of Boolean that the {@code @SoftDelete} names, if it names one. */
    private static Optional<AttributeConversion.Conversion> converter(Ann softDelete, MappingContext ctx) {
        return ctx.constants.classLiteral(softDelete, "converter")
                .map(l -> ctx.types.resolve(l.type(), l.context(), java.util.Map.of()))
                .flatMap(t -> t instanceof JavaType.Named n ? AttributeConversion.hibernates(n.qualifiedName()) : Optional.empty());
    }
}
