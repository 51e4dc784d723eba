package io.migratewatch.source;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code AttributeConverter} that applies to a basic attribute — {@code @Convert(converter = X.class)} on the
 * field, else an {@code @Converter(autoApply = true)} for its type — and what it stores: Hibernate creates the
 * column of the converter's database-side type {@code D} of {@code AttributeConverter<A, D>}, read from the
 * converter's source (it must be watched). {@code @Convert(disableConversion = true)} turns both off.
 */
final class AttributeConversion {

    /**
     * @param converter the converter's simple name, for messages
     * @param database  the Java type the column holds
     * @param allowed   the values of Hibernate's check constraint when it makes one (its own boolean converters)
     * @param numeric   whether those values are numbers rather than text
     */
    record Conversion(String converter, JavaType database, List<String> allowed, boolean numeric) {
    }

    /** Hibernate's own converters of Boolean: the column type and the values its check allows. */
    private static final Map<String, Conversion> HIBERNATES = Map.of(
            "org.hibernate.type.YesNoConverter", new Conversion("YesNoConverter", named("java.lang.Character"), List.of("N", "Y"), false),
            "org.hibernate.type.TrueFalseConverter", new Conversion("TrueFalseConverter", named("java.lang.Character"), List.of("F", "T"), false),
            "org.hibernate.type.NumericBooleanConverter", new Conversion("NumericBooleanConverter", named("java.lang.Integer"), List.of("0", "1"), true));

    /** Hibernate's own converter of Boolean of that name, if it is one. */
    static Optional<Conversion> hibernates(String qualifiedName) {
        return Optional.ofNullable(HIBERNATES.get(qualifiedName));
    }

    private static final Set<String> BOOLEANS = Set.of("boolean", "java.lang.Boolean");

    private AttributeConversion() {
    }

    /** The conversion of an attribute of {@code type}, if any; a converter whose source is not watched is an error. */
    static Optional<Conversion> of(Attribute a, JavaType type, MappingContext ctx) {
        // Hibernate 5's @Type(type = "yes_no") and the like: the boolean converter a port to Hibernate 7 writes
        Optional<String> legacy = LegacyTypeNames.of(a, ctx).flatMap(LegacyTypeNames::converter);
        if (legacy.isPresent()) {
            return Optional.of(HIBERNATES.get(legacy.get()));
        }
        Optional<Ann> convert = a.annotation(Family.JPA, "Convert");
        if (convert.isPresent()) {
            Ann c = convert.get();
            if (ctx.constants.bool(c, "disableConversion", false) || !ctx.constants.string(c, "attributeName", "").isBlank()) {
                return Optional.empty();
            }
            Optional<ConstantResolver.ClassLiteral> literal = ctx.constants.classLiteral(c, "converter");
            if (literal.isPresent()) {
                JavaType converter = ctx.types.resolve(literal.get().type(), literal.get().context(), Map.of());
                return Optional.of(explicit(a, c, converter, ctx));
            }
        }
        return ctx.env.globals.autoConverter(type).map(t -> watched(a, t, a.variable(), ctx));
    }

    /**
     * Why Hibernate's schema for this attribute cannot be read from sources, or null: a converter of a Boolean or
     * an enum makes Hibernate add a check constraint listing the converted values, which only running the
     * converter gives.
     */
    static String uncheckable(Attribute a, JavaType type, MappingContext ctx) {
        boolean checked = type instanceof JavaType.Primitive p && BOOLEANS.contains(p.name())
                || type instanceof JavaType.Named n && (BOOLEANS.contains(n.qualifiedName())
                || n.watched() != null && n.watched().isEnum() || KnownTypes.JDK_ENUMS.containsKey(n.qualifiedName()));
        if (!checked) {
            return null;
        }
        Optional<Conversion> conversion = of(a, type, ctx);
        if (conversion.isEmpty() || conversion.get().allowed().size() > 0) {
            return null;
        }
        return "converter " + conversion.get().converter() + " on " + type.display() + " field " + a.name()
                + " (Hibernate adds a check of the values the converter writes, which only running it gives)";
    }

    private static Conversion explicit(Attribute a, Ann convert, JavaType converter, MappingContext ctx) {
        if (converter instanceof JavaType.Named n) {
            Conversion known = HIBERNATES.get(n.qualifiedName());
            if (known != null) {
                return known;
            }
            if (n.watched() != null) {
                return watched(a, n.watched(), convert.expr(), ctx);
            }
        }
        String name = converter instanceof JavaType.Named n ? n.simpleName() + " (" + n.qualifiedName() + ")" : converter.display();
        throw MappingError.at(a.owner(), convert.expr(), "converter " + name + " of field " + a.name() + " of "
                + a.owner().simpleName() + " " + Problems.NOT_WATCHED + " (its AttributeConverter<A, D> gives the column"
                + " type), or give the field @Column(columnDefinition = \"<sql type>\")");
    }

    private static Conversion watched(Attribute a, TypeInfo converter, com.github.javaparser.ast.Node where, MappingContext ctx) {
        ctx.dependencies.add(converter);
        ConverterTypes.Arguments arguments = ConverterTypes.of(converter, ctx.types).orElseThrow(() -> MappingError.at(a.owner(), where,
                "converter " + converter.simpleName() + " of field " + a.name() + " of " + a.owner().simpleName()
                        + " does not implement AttributeConverter<A, D> in the watched sources (a superclass of it "
                        + Problems.NOT_WATCHED + "), or give the field @Column(columnDefinition = \"<sql type>\")"));
        return new Conversion(converter.simpleName(), arguments.database(), List.of(), false);
    }

    private static JavaType named(String qualifiedName) {
        return new JavaType.Named(qualifiedName, null, List.of());
    }
}
