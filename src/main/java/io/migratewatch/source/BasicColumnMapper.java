package io.migratewatch.source;

import io.migratewatch.schema.CheckConstraint;
import io.migratewatch.schema.Column;
import io.migratewatch.schema.ColumnType;
import io.migratewatch.schema.Identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A basic (non-association) attribute → its column: name, type, nullability, default, the unique
 * flag and check constraints, from {@code @Column}, {@code @Basic}, {@code @Enumerated}, {@code @Lob},
 * {@code @Temporal}, {@code @Version}, Hibernate's and Bean Validation's annotations.
 */
final class BasicColumnMapper {

    private final MappingContext ctx;

    BasicColumnMapper(MappingContext ctx) {
        this.ctx = ctx;
    }

    MappedColumn map(Attribute a, PhysicalName table) {
        ConstantResolver c = ctx.constants;
        Optional<Ann> column = a.annotation(Family.JPA, "Column");
        String written = column.map(x -> ModelNames.read(c, x, "name")).orElse("");
        String logical = written.isBlank() ? a.name() : written;
        PhysicalName name = ctx.naming().physical(logical);
        JavaType type = ctx.typeOf(a);

        String definition = column.map(x -> c.string(x, "columnDefinition", "")).orElse("");
        ColumnDefinition def = column.map(x -> ModelExpressions.columnDefinition(x, definition)).orElse(null);
        if (def != null && def.type() == null) {
            throw MappingError.at(a.owner(), column.get().expr(), def.unsupported());
        }
        List<String> constants = enumConstants(type);
        boolean json = isJson(a);

        ColumnType columnType;
        if (def != null) {
            columnType = def.type();
        } else if (json) {
            columnType = ColumnType.of("jsonb");
        } else if (constants != null) {
            columnType = isStringEnum(a) ? ColumnType.varchar(length(a, column, false)) : ColumnType.SMALLINT;
        } else {
            columnType = ctx.env.typeMapping.map(type, hints(a, column, type))
                    .orElseThrow(() -> cannotMap(a, type));
        }

        boolean primitive = a.variable().getType().isPrimitiveType();
        boolean notNull = primitive
                || column.map(x -> !c.bool(x, "nullable", true)).orElse(false)
                || a.annotation(Family.JPA, "Basic").map(x -> !c.bool(x, "optional", true)).orElse(false)
                || a.has(Family.VALIDATION, "NotNull")
                || a.has(Family.JPA, "Id")
                || a.has(Family.HIBERNATE, "CreationTimestamp")
                || a.has(Family.HIBERNATE, "UpdateTimestamp")
                // @Version: always NOT NULL on Hibernate 7; on 6 only a primitive is
                || a.has(Family.JPA, "Version") && ctx.options().hibernate7()
                || def != null && def.notNull();

        String defaultValue = a.annotation(Family.HIBERNATE, "ColumnDefault").map(x -> ModelExpressions.columnDefault(c, x))
                .orElse(null);
        if (defaultValue == null && def != null) {
            defaultValue = def.defaultValue();
        }
        boolean unique = column.map(x -> c.bool(x, "unique", false)).orElse(false) || def != null && def.unique();

        // Hibernate's own checks of a column (enum values, Bean Validation's @Min/@Max) are one constraint,
        // joined with "and"; a check written in columnDefinition is a constraint of its own
        List<String> generated = new ArrayList<>();
        if (constants != null && !constants.isEmpty()) {
            generated.add(isStringEnum(a)
                    ? SqlText.in(name.emitted(), constants)
                    : SqlText.between(name.emitted(), 0, constants.size() - 1));
        }
        a.annotation(Family.VALIDATION, "Min").ifPresent(x ->
                generated.add(SqlText.atLeast(name.emitted(), c.longValue(x, "value", 0))));
        a.annotation(Family.VALIDATION, "Max").ifPresent(x ->
                generated.add(SqlText.atMost(name.emitted(), c.longValue(x, "value", 0))));
        List<String> checks = new ArrayList<>();
        if (!generated.isEmpty()) {
            checks.add(generated.size() == 1 ? generated.get(0) : "(" + String.join(") and (", generated) + ")");
        }
        if (def != null && def.check() != null) {
            checks.add(def.check());
        }

        List<CheckConstraint> named = new ArrayList<>();
        for (String check : checks) {
            named.add(new CheckConstraint(CheckNames.name(table.emitted(), name.emitted(), named.size()), check));
        }
        Column result = new Column(name.emitted(), columnType, !notNull, defaultValue, Identity.NONE);
        return new MappedColumn(logical, name, result, unique, named, null);
    }

    /** The constants of an enum attribute type, or null when the type is not an enum. */
    List<String> enumConstants(JavaType type) {
        if (type instanceof JavaType.Named n) {
            if (n.watched() != null && n.watched().isEnum()) {
                ctx.dependencies.add(n.watched());
                return n.watched().enumConstants();
            }
            return KnownTypes.JDK_ENUMS.get(n.qualifiedName());
        }
        return null;
    }

    private boolean isStringEnum(Attribute a) {
        return a.annotation(Family.JPA, "Enumerated").map(x -> ctx.constants.enumName(x, "value", "ORDINAL"))
                .orElse("ORDINAL").equals("STRING");
    }

    private boolean isJson(Attribute a) {
        return a.annotation(Family.HIBERNATE, "JdbcTypeCode").map(x -> JdbcTypeCodes.isJson(ctx.constants.enumName(x, "value", "")))
                .orElse(false);
    }

    /** Length of a text column: @Size(max) / @Length(max) win over @Column(length), as in Hibernate. */
    private int length(Attribute a, Optional<Ann> column, boolean isText) {
        ConstantResolver c = ctx.constants;
        int length = column.map(x -> c.integer(x, "length", 255)).orElse(255);
        if (isText) {
            for (String constraint : List.of("Size", "Length")) {
                Optional<Ann> size = a.annotation(Family.VALIDATION, constraint);
                if (size.isPresent()) {
                    int max = c.integer(size.get(), "max", Integer.MAX_VALUE);
                    if (max != Integer.MAX_VALUE) {
                        length = max;
                    }
                }
            }
        }
        return length;
    }

    private JavaTypeMapping.Hints hints(Attribute a, Optional<Ann> column, JavaType type) {
        ConstantResolver c = ctx.constants;
        boolean text = isString(type);
        int precision = column.map(x -> c.integer(x, "precision", 0)).orElse(0);
        int scale = column.map(x -> c.integer(x, "scale", 0)).orElse(0);
        Optional<Ann> digits = a.annotation(Family.VALIDATION, "Digits");
        if (digits.isPresent() && isDecimal(type)) {
            int fraction = c.integer(digits.get(), "fraction", 0);
            precision = c.integer(digits.get(), "integer", 0) + fraction;
            scale = fraction;
        }
        String temporal = a.annotation(Family.JPA, "Temporal").map(x -> c.enumName(x, "value", "TIMESTAMP")).orElse(null);
        int length = length(a, column, text);
        if (!text && !isTextArray(type)) {
            length = column.map(x -> c.integer(x, "length", 0)).orElse(0);
        }
        return new JavaTypeMapping.Hints(a.has(Family.JPA, "Lob"), temporal, length, precision, scale);
    }

    private static boolean isString(JavaType t) {
        return t instanceof JavaType.Named n && n.qualifiedName().equals("java.lang.String");
    }

    private static boolean isTextArray(JavaType t) {
        return t instanceof JavaType.Array arr && (isString(arr.component())
                || arr.component() instanceof JavaType.Primitive p && p.name().equals("char")
                || arr.component() instanceof JavaType.Named n && n.qualifiedName().equals("java.lang.Character"))
                || t instanceof JavaType.Named n && n.arguments().size() == 1 && isString(n.arguments().get(0));
    }

    private static boolean isDecimal(JavaType t) {
        return t instanceof JavaType.Named n
                && (n.qualifiedName().equals("java.math.BigDecimal") || n.qualifiedName().equals("java.math.BigInteger"));
    }

    /** Why a type has no column type, and what the developer can do about it. */
    private MappingError cannotMap(Attribute a, JavaType type) {
        String field = "field " + a.name() + " of " + a.owner().simpleName();
        String orDefinition = ", or give the field @Column(columnDefinition = \"<sql type>\")";
        if (type instanceof JavaType.Unresolved u) {
            return MappingError.at(a.owner(), a.variable().getType(), "type " + u.written() + " of " + field + " "
                    + Problems.NOT_WATCHED + orDefinition);
        }
        if (type instanceof JavaType.Variable v) {
            return MappingError.at(a.owner(), a.variable().getType(), "type variable " + v.name() + " of " + v.declaredIn()
                    + " is not bound for " + field + ": give it a type in the extends clause, e.g. extends "
                    + v.declaredIn() + "<Long>");
        }
        if (type instanceof JavaType.Named n && n.watched() != null) {
            TypeInfo t = n.watched();
            if (t.has(Family.JPA, "Entity")) {
                return MappingError.at(a.owner(), a.variable().getType(), field + " refers to entity " + t.simpleName()
                        + ": annotate it with @ManyToOne or @OneToOne, or mark it @Transient");
            }
            return MappingError.at(a.owner(), a.variable().getType(), "type " + t.simpleName() + " of " + field
                    + " cannot be mapped to a column: annotate the field with @JdbcTypeCode(SqlTypes.JSON) or @Transient"
                    + orDefinition);
        }
        if (type instanceof JavaType.Named n && JavaTypeMapping.isCollection(n)) {
            boolean ofEntities = n.arguments().stream().anyMatch(x -> x instanceof JavaType.Named e && e.watched() != null
                    && e.watched().has(Family.JPA, "Entity"));
            if (ofEntities) {
                return MappingError.at(a.owner(), a.variable().getType(), field + " is a collection of entities: map it with "
                        + "@OneToMany(mappedBy = \"...\"), or mark it @Transient");
            }
        }
        if (type instanceof JavaType.Named n && !KnownTypes.isKnown(n.qualifiedName())
                && !n.qualifiedName().startsWith("java.")) {
            return MappingError.at(a.owner(), a.variable().getType(), "type " + n.simpleName() + " (" + n.qualifiedName()
                    + ") of " + field + " " + Problems.NOT_WATCHED + orDefinition);
        }
        return MappingError.at(a.owner(), a.variable().getType(), "type " + type.display() + " of " + field
                + " cannot be mapped to a column: annotate the field with @JdbcTypeCode(SqlTypes.JSON) or @Transient"
                + orDefinition);
    }
}
