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
    /** The check each mapped column's type implies (enum values, a converter's values), by column. */
    private final java.util.Map<String, String> typeChecks = new java.util.HashMap<>();
    /** The time zone columns beside the columns mapped here, by the column they belong to. */
    private final java.util.Map<String, MappedColumn> zoneColumns = new java.util.HashMap<>();

    /**
     * The check a column mapped here has for its type alone (an enum's or a converter's values), without Bean
     * Validation's bounds or {@code @Check}: what a copy of the column elsewhere (an Envers audit table) keeps.
     */
    Optional<String> typeCheck(String column) {
        return Optional.ofNullable(typeChecks.get(column));
    }

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
        // a converter stores its database-side type instead of the field's (and an enum then has no values of its own)
        Optional<AttributeConversion.Conversion> conversion = def != null ? Optional.empty() : AttributeConversion.of(a, type, ctx);
        JavaType stored = conversion.map(AttributeConversion.Conversion::database).orElse(type);
        List<String> constants = conversion.isPresent() ? null : enumConstants(type);
        List<String> allowed = conversion.map(AttributeConversion.Conversion::allowed).orElse(List.of());
        boolean numericAllowed = conversion.map(AttributeConversion.Conversion::numeric).orElse(false);
        boolean json = isJson(a);

        // neither a column definition, a converter nor one of Hibernate's type annotations: the type's own mapping
        boolean plain = def == null && conversion.isEmpty() && !a.has(Family.HIBERNATE, "Type")
                && !a.has(Family.HIBERNATE, "JdbcType") && !a.has(Family.HIBERNATE, "JdbcTypeCode");
        ColumnType columnType;
        if (def != null) {
            columnType = def.type();
        } else if (a.has(Family.HIBERNATE, "Type")) {
            columnType = userType(a, column, stored);
        } else if (a.has(Family.HIBERNATE, "JdbcType") || a.has(Family.HIBERNATE, "JdbcTypeCode") && !json) {
            JdbcTypeColumns.Mapped mapped = jdbcType(a, column, stored);
            columnType = mapped.type();
            if (!mapped.allowed().isEmpty()) {
                allowed = mapped.allowed();
            }
        } else if (json) {
            columnType = ColumnType.of("jsonb");
        } else if (constants != null) {
            columnType = isStringEnum(a) ? ColumnType.varchar(length(a, column, false)) : ColumnType.SMALLINT;
        } else {
            rejectWrapperArray(a, stored);
            columnType = ctx.env.typeMapping.map(stored, hints(a, column, stored))
                    .orElseThrow(() -> cannotMap(a, stored));
        }
        TimeZoneStorages.Storage zone = plain && constants == null && TimeZoneStorages.ZONED.contains(typeName(stored))
                ? TimeZoneStorages.of(a, typeName(stored), ctx) : null;
        if (zone != null && zone.type() != null) {
            columnType = zone.type();
        }
        // with an offset column the attribute is a composite: only a named @Column reaches its columns (its
        // nullable = false makes both NOT NULL); Bean Validation and an unnamed @Column do not
        boolean composite = zone != null && zone.column();
        boolean unnamedComposite = composite && written.isBlank();

        // a bare primitive is NOT NULL; an explicit @Column (nullable by default) lifts that, and on Hibernate 6.6 so
        // does @Basic (optional by default), which Hibernate 7 overrules for a primitive
        boolean implicit = a.implicitlyNotNull() && column.isEmpty()
                && !(!ctx.options().hibernate7() && a.has(Family.JPA, "Basic"));
        boolean notNull = composite ? !unnamedComposite && column.map(x -> !c.bool(x, "nullable", true)).orElse(false) : (implicit
                || column.map(x -> !c.bool(x, "nullable", true)).orElse(false)
                || a.annotation(Family.JPA, "Basic").map(x -> !c.bool(x, "optional", true)).orElse(false)
                || ctx.validation(a, "NotNull").isPresent()
                // Hibernate Validator's DDL: @NotBlank and @NotEmpty imply not null
                || ctx.validation(a, "NotBlank").isPresent()
                || ctx.validation(a, "NotEmpty").isPresent()
                || a.has(Family.JPA, "Id")
                || a.has(Family.HIBERNATE, "TenantId")
                // @CreationTimestamp / @UpdateTimestamp: NOT NULL on Hibernate 7; 6.6 leaves them nullable
                || a.has(Family.HIBERNATE, "CreationTimestamp") && ctx.options().hibernate7()
                || a.has(Family.HIBERNATE, "UpdateTimestamp") && ctx.options().hibernate7()
                // @Version: always NOT NULL on Hibernate 7; on 6 only a primitive is
                || a.has(Family.JPA, "Version") && ctx.options().hibernate7()
                || def != null && def.notNull());

        String defaultValue = a.annotation(Family.HIBERNATE, "ColumnDefault").map(x -> ModelExpressions.columnDefault(c, x))
                .orElse(null);
        if (defaultValue == null && def != null) {
            defaultValue = def.defaultValue();
        }
        boolean unique = !unnamedComposite && (column.map(x -> c.bool(x, "unique", false)).orElse(false) || def != null && def.unique());

        // Hibernate's own checks of a column (enum values, Bean Validation's @Min/@Max) are one constraint,
        // joined with "and"; a check written in columnDefinition is a constraint of its own
        List<String> generated = new ArrayList<>();
        if (constants != null && !constants.isEmpty()) {
            generated.add(isStringEnum(a)
                    ? SqlText.in(name.emitted(), constants)
                    : SqlText.between(name.emitted(), 0, constants.size() - 1));
        }
        if (def == null && !allowed.isEmpty()) {
            generated.add(numericAllowed ? SqlText.inNumbers(name.emitted(), allowed) : SqlText.in(name.emitted(), allowed));
        }
        if (plain && isBoolean(stored) && ctx.options().hibernate7()) {
            // hibernate.type.preferred_boolean_jdbc_type CHAR or TINYINT: Hibernate 7 checks the two values
            List<String> values = ctx.options().hibernate().booleanValues();
            if (!values.isEmpty()) {
                generated.add(values.get(0).equals("0") ? SqlText.inNumbers(name.emitted(), values) : SqlText.in(name.emitted(), values));
            }
        }
        if (!generated.isEmpty()) {
            typeChecks.put(name.emitted(), generated.get(0));
        }
        // Hibernate's order of the bounds follows its validator's, which varies; the comparison ignores it
        ctx.validation(a, "Min").ifPresent(x ->
                generated.add(SqlText.atLeast(name.emitted(), c.longValue(x, "value", 0))));
        ctx.validation(a, "Max").ifPresent(x ->
                generated.add(SqlText.atMost(name.emitted(), c.longValue(x, "value", 0))));
        List<String> checks = new ArrayList<>();
        if (!generated.isEmpty()) {
            checks.add(generated.size() == 1 ? generated.get(0) : "(" + String.join(") and (", generated) + ")");
        }
        if (def != null && def.check() != null) {
            checks.add(def.check());
        }
        // Hibernate's @Check on a field: a check of its own on the column, named by PostgreSQL unless given a name
        List<CheckConstraint> namedChecks = new ArrayList<>();
        for (Ann check : HibernateChecks.of(a.field().getAnnotations(), a.owner(), c)) {
            String given = c.string(check, "name", "");
            String text = ModelExpressions.checkConstraint(c, check);
            if (given.isBlank()) {
                checks.add(text);
            } else {
                namedChecks.add(new CheckConstraint(given, text));
            }
        }

        List<CheckConstraint> named = new ArrayList<>();
        for (String check : checks) {
            named.add(new CheckConstraint(CheckNames.name(table.emitted(), name.emitted(), named.size()), check));
        }
        named.addAll(namedChecks);
        Column result = new Column(name.emitted(), columnType, !notNull, defaultValue, Identity.NONE);
        if (zone != null && zone.column()) {
            zoneColumns.put(name.emitted(), zoneColumn(a, logical, name, !notNull));
        } else {
            zoneColumns.remove(name.emitted());
        }
        return new MappedColumn(logical, name, result, unique, named, null);
    }

    /**
     * The offset column beside a zoned date or time: {@code @TimeZoneColumn}'s name and column definition, else an
     * integer {@code <column>_tz}, as nullable as the column it belongs to.
     */
    private MappedColumn zoneColumn(Attribute a, String logical, PhysicalName column, boolean nullable) {
        Optional<Ann> declared = TimeZoneStorages.zoneColumn(a);
        String written = declared.map(x -> ModelNames.read(ctx.constants, x, "name")).orElse("");
        String zoneLogical;
        PhysicalName zone;
        if (declared.isPresent()) {
            // a blank name is the implicit name of the composite's offset attribute
            zoneLogical = written.isBlank() ? "zoneOffset" : written;
            zone = ctx.naming().physical(zoneLogical);
        } else {
            zoneLogical = logical + "_tz";
            zone = column.quoted() ? new PhysicalName(column.text() + "_tz", true) : ctx.naming().physical(zoneLogical);
        }
        String definition = declared.map(x -> ctx.constants.string(x, "columnDefinition", "")).orElse("");
        ColumnType type = ColumnType.of("integer");
        boolean notNull = !nullable;
        if (!definition.isBlank()) {
            ColumnDefinition def = ModelExpressions.columnDefinition(declared.get(), definition);
            if (def.type() == null) {
                throw MappingError.at(a.owner(), declared.get().expr(), def.unsupported());
            }
            type = def.type();
            notNull = notNull || def.notNull();
        }
        Column result = new Column(zone.emitted(), type, !notNull, null, Identity.NONE);
        return new MappedColumn(zoneLogical, zone, result, false, List.of(), null);
    }

    /**
     * The columns of a basic attribute: its column, and when its time zone is stored in a column
     * ({@link TimeZoneStorages}) the offset's column beside it.
     */
    List<MappedColumn> columns(Attribute a, PhysicalName table) {
        MappedColumn mapped = map(a, table);
        MappedColumn zone = zoneColumns.remove(mapped.name().emitted());
        return zone == null ? List.of(mapped) : List.of(mapped, zone);
    }

    /**
     * The value column of an element collection of basics: there Hibernate keeps no time zone column and
     * normalizes a zoned timestamp instead ({@code timestamp(6)}) under {@code timezone.default_storage=COLUMN}.
     */
    MappedColumn elementColumn(Attribute a, PhysicalName table) {
        MappedColumn mapped = map(a, table);
        Column c = mapped.column();
        if (zoneColumns.remove(c.name()) == null || !c.type().sql().equals("timestamp(6) with time zone")) {
            return mapped;
        }
        return new MappedColumn(mapped.logical(), mapped.name(), new Column(c.name(), ColumnType.of("timestamp(6)"), c.nullable(),
                c.defaultValue(), c.identity()), mapped.unique(), mapped.checks(), mapped.foreignKey());
    }

    private static String typeName(JavaType t) {
        return t instanceof JavaType.Named n ? n.qualifiedName() : "";
    }

    private static boolean isBoolean(JavaType t) {
        return t instanceof JavaType.Primitive p && p.name().equals("boolean")
                || t instanceof JavaType.Named n && n.qualifiedName().equals("java.lang.Boolean");
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

    /** {@code @Type(X.class)}: a known JSON or array user type, else the developer must name the column type. */
    private ColumnType userType(Attribute a, Optional<Ann> column, JavaType stored) {
        Ann type = a.annotation(Family.HIBERNATE, "Type").orElseThrow();
        Optional<String> legacy = LegacyTypeNames.of(a, ctx);
        if (legacy.isPresent()) {
            String name = legacy.get();
            if (LegacyTypeNames.converter(name).isPresent()) {
                // the converter (AttributeConversion) already made the stored type its column's
                return ctx.env.typeMapping.map(stored, hints(a, column, stored)).orElseThrow(() -> cannotMap(a, stored));
            }
            return LegacyTypeNames.column(name).map(ColumnType::of).orElseThrow(() -> MappingError.at(a.owner(), type.expr(),
                    "@Type(type = \"" + name + "\") of field " + a.name() + " of " + a.owner().simpleName() + " is not a type"
                            + " name migrate-watch knows (" + LegacyTypeNames.known() + "), so its column type is decided when"
                            + " the application runs: give the field @Column(columnDefinition = \"<sql type>\")"));
        }
        Optional<ConstantResolver.ClassLiteral> literal = ctx.constants.classLiteral(type, "value");
        JavaType resolved = literal.map(l -> ctx.types.resolve(l.type(), l.context(), java.util.Map.of())).orElse(null);
        String qualified = resolved instanceof JavaType.Named n ? n.qualifiedName() : "";
        return UserTypes.column(qualified).map(ColumnType::of).orElseThrow(() -> MappingError.at(a.owner(), type.expr(),
                "user type " + (resolved == null ? "" : resolved.display() + " ") + "of field " + a.name() + " of "
                        + a.owner().simpleName() + " decides its column type when the application runs, which migrate-watch"
                        + " cannot read from sources: give the field @Column(columnDefinition = \"<sql type>\")"));
    }

    /** {@code @JdbcType(X.class)} with one of Hibernate's JdbcType classes, or {@code @JdbcTypeCode(SqlTypes.X)}. */
    private JdbcTypeColumns.Mapped jdbcType(Attribute a, Optional<Ann> column, JavaType stored) {
        Optional<Ann> jdbcType = a.annotation(Family.HIBERNATE, "JdbcType");
        String code;
        Ann where;
        if (jdbcType.isPresent()) {
            where = jdbcType.get();
            Optional<ConstantResolver.ClassLiteral> literal = ctx.constants.classLiteral(where, "value");
            JavaType resolved = literal.map(l -> ctx.types.resolve(l.type(), l.context(), java.util.Map.of())).orElse(null);
            String qualified = resolved instanceof JavaType.Named n ? n.qualifiedName() : "";
            code = JdbcTypeClasses.code(qualified).orElse(null);
            if (code == null) {
                throw MappingError.at(a.owner(), where.expr(), "JdbcType " + (resolved == null ? "" : resolved.display() + " ")
                        + "of field " + a.name() + " of " + a.owner().simpleName() + " is not one of Hibernate's own, so its"
                        + " column type is not known from sources: give the field @Column(columnDefinition = \"<sql type>\")");
            }
        } else {
            where = a.annotation(Family.HIBERNATE, "JdbcTypeCode").orElseThrow();
            code = JdbcTypeCodes.name(ctx.constants.enumName(where, "value", ""));
        }
        String written = code;
        return JdbcTypeColumns.map(code, stored, hints(a, column, stored), ctx.env.typeMapping, ctx.options())
                .orElseThrow(() -> MappingError.at(a.owner(), where.expr(), "JDBC type " + written + " on " + stored.display()
                        + " field " + a.name() + " of " + a.owner().simpleName() + " is not supported yet: give the field"
                        + " @Column(columnDefinition = \"<sql type>\")"));
    }

    /** Hibernate 6.2+ refuses Byte[] and Character[] without @Lob (their nulls have no place in bytea or text). */
    private static void rejectWrapperArray(Attribute a, JavaType type) {
        if (type instanceof JavaType.Array arr && arr.component() instanceof JavaType.Named n && !a.has(Family.JPA, "Lob")
                && (n.qualifiedName().equals("java.lang.Byte") || n.qualifiedName().equals("java.lang.Character"))) {
            throw MappingError.at(a.owner(), a.variable().getType(), "field " + a.name() + " of " + a.owner().simpleName()
                    + " is a " + n.simpleName() + "[], which Hibernate refuses (hibernate.type.wrapper_array_handling):"
                    + " use " + (n.simpleName().equals("Byte") ? "byte[]" : "char[]") + ", or annotate it with @Lob");
        }
    }

    private boolean isJson(Attribute a) {
        return !a.has(Family.HIBERNATE, "JdbcType") && a.annotation(Family.HIBERNATE, "JdbcTypeCode")
                .map(x -> JdbcTypeCodes.isJson(ctx.constants.enumName(x, "value", ""))).orElse(false);
    }

    /** Length of a text column: @Size(max) / @Length(max) win over @Column(length), as in Hibernate. */
    private int length(Attribute a, Optional<Ann> column, boolean isText) {
        ConstantResolver c = ctx.constants;
        int length = column.map(x -> c.integer(x, "length", 255)).orElse(255);
        if (isText) {
            for (String constraint : List.of("Size", "Length")) {
                Optional<Ann> size = ctx.validation(a, constraint);
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
        Optional<Ann> digits = ctx.validation(a, "Digits");
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
