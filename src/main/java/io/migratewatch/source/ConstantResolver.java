package io.migratewatch.source;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates annotation values as javac would for compile-time constants: literals, string
 * concatenation, integer arithmetic, constants of the same class, of other watched classes
 * ({@code Limits.NAME}), of static imports, and enum constants. A constant whose class is not
 * watched cannot be evaluated and is reported, never guessed.
 */
final class ConstantResolver {

    /** An enum constant, e.g. {@code GenerationType.IDENTITY}. */
    record EnumValue(String type, String constant) {
    }

    /** A constant of a class outside the watched folders: known by name only. */
    record ExternalConstant(String owner, String name) {
    }

    /** {@code Foo.class}, resolved later in its context. */
    record ClassLiteral(Type type, TypeInfo context) {
    }

    private static final int MAX_DEPTH = 32;
    private static final Map<String, Long> LIBRARY_CONSTANTS = Map.of(
            "java.lang.Integer.MAX_VALUE", (long) Integer.MAX_VALUE,
            "java.lang.Integer.MIN_VALUE", (long) Integer.MIN_VALUE,
            "java.lang.Short.MAX_VALUE", (long) Short.MAX_VALUE,
            "java.lang.Long.MAX_VALUE", Long.MAX_VALUE);

    private final TypeIndex index;
    private final Dependencies dependencies;
    private final Set<String> evaluating = new HashSet<>();

    ConstantResolver(TypeIndex index, Dependencies dependencies) {
        this.index = index;
        this.dependencies = dependencies;
    }

    // ---- typed access to annotation attributes ------------------------------------------------

    String string(Ann a, String attribute, String fallback) {
        Optional<Expression> e = a.get(attribute);
        if (e.isEmpty()) {
            return fallback;
        }
        Object v = value(e.get(), a.owner());
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Character c) {
            return c.toString();
        }
        throw wrongKind(a, attribute, e.get(), v, "a text");
    }

    int integer(Ann a, String attribute, int fallback) {
        Optional<Expression> e = a.get(attribute);
        if (e.isEmpty()) {
            return fallback;
        }
        Object v = value(e.get(), a.owner());
        if (v instanceof Long l) {
            return (int) l.longValue();
        }
        throw wrongKind(a, attribute, e.get(), v, "a whole number");
    }

    long longValue(Ann a, String attribute, long fallback) {
        Optional<Expression> e = a.get(attribute);
        if (e.isEmpty()) {
            return fallback;
        }
        Object v = value(e.get(), a.owner());
        if (v instanceof Long l) {
            return l;
        }
        throw wrongKind(a, attribute, e.get(), v, "a whole number");
    }

    boolean bool(Ann a, String attribute, boolean fallback) {
        Optional<Expression> e = a.get(attribute);
        if (e.isEmpty()) {
            return fallback;
        }
        Object v = value(e.get(), a.owner());
        if (v instanceof Boolean b) {
            return b;
        }
        throw wrongKind(a, attribute, e.get(), v, "true or false");
    }

    /**
     * The constant name of an enum-valued attribute ({@code strategy = GenerationType.IDENTITY} →
     * {@code IDENTITY}). Library enums are not watched, and do not need to be: the name is the value.
     */
    String enumName(Ann a, String attribute, String fallback) {
        Optional<Expression> e = a.get(attribute);
        return e.isEmpty() ? fallback : enumName(e.get(), a.owner(), 0);
    }

    private String enumName(Expression e, TypeInfo context, int depth) {
        if (e instanceof EnclosedExpr en) {
            return enumName(en.getInner(), context, depth);
        }
        if (e instanceof FieldAccessExpr f) {
            return f.getNameAsString();
        }
        if (e instanceof NameExpr n) {
            // a watched constant holding the value (static final GenerationType S = IDENTITY): follow it
            Optional<Found> local = findField(n.getNameAsString(), context);
            if (local.isPresent() && depth < MAX_DEPTH && !local.get().owner().isEnum()) {
                Optional<Expression> init = local.get().variable().getInitializer();
                if (init.isPresent()) {
                    return enumName(init.get(), local.get().owner(), depth + 1);
                }
            }
            return n.getNameAsString();
        }
        Object v = value(e, context);
        if (v instanceof String || v instanceof Long) {
            return v.toString();
        }
        throw MappingError.at(context, e, "cannot read " + e + " as a constant name");
    }

    /** Nested annotations: {@code indexes = {@Index(...), @Index(...)}} or a single one. */
    List<Ann> annotations(Ann a, String attribute) {
        List<Ann> out = new ArrayList<>();
        a.get(attribute).ifPresent(e -> collectAnnotations(e, a.owner(), out));
        return out;
    }

    Optional<Ann> annotation(Ann a, String attribute) {
        List<Ann> all = annotations(a, attribute);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    private void collectAnnotations(Expression e, TypeInfo owner, List<Ann> out) {
        if (e instanceof AnnotationExpr an) {
            out.add(new Ann(an, owner));
        } else if (e instanceof ArrayInitializerExpr arr) {
            arr.getValues().forEach(v -> collectAnnotations(v, owner, out));
        } else {
            throw MappingError.at(owner, e, "expected an annotation here, found " + e);
        }
    }

    /** A String array attribute ({@code columnNames = {"a", "b"}}), or a single string. */
    List<String> strings(Ann a, String attribute) {
        Optional<Expression> e = a.get(attribute);
        if (e.isEmpty()) {
            return List.of();
        }
        Object v = value(e.get(), a.owner());
        List<Object> items = v instanceof List<?> l ? new ArrayList<>(l) : List.of(v);
        List<String> out = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof String s)) {
                throw wrongKind(a, attribute, e.get(), item, "texts");
            }
            out.add(s);
        }
        return out;
    }

    Optional<ClassLiteral> classLiteral(Ann a, String attribute) {
        Optional<Expression> e = a.get(attribute);
        if (e.isEmpty()) {
            return Optional.empty();
        }
        Object v = value(e.get(), a.owner());
        if (v instanceof ClassLiteral c) {
            return Optional.of(c);
        }
        throw wrongKind(a, attribute, e.get(), v, "a class literal");
    }

    private MappingError wrongKind(Ann a, String attribute, Expression e, Object v, String expected) {
        if (v instanceof ExternalConstant ext) {
            throw MappingError.at(a.owner(), e, "constant " + simple(ext.owner()) + "." + ext.name() + " (in "
                    + a.display() + "(" + attribute + ")) cannot be read: class " + ext.owner() + " "
                    + Problems.NOT_WATCHED);
        }
        return MappingError.at(a.owner(), e, a.display() + "(" + attribute + ") must be " + expected + ", found " + e);
    }

    // ---- evaluation -----------------------------------------------------------------------------

    Object value(Expression e, TypeInfo context) {
        if (e instanceof StringLiteralExpr s) {
            return s.asString();
        }
        if (e instanceof TextBlockLiteralExpr t) {
            return t.asString();
        }
        if (e instanceof IntegerLiteralExpr i) {
            return i.asNumber().longValue();
        }
        if (e instanceof LongLiteralExpr l) {
            return l.asNumber().longValue();
        }
        if (e instanceof BooleanLiteralExpr b) {
            return b.getValue();
        }
        if (e instanceof CharLiteralExpr c) {
            return c.asChar();
        }
        if (e instanceof DoubleLiteralExpr d) {
            return d.asDouble();
        }
        if (e instanceof EnclosedExpr en) {
            return value(en.getInner(), context);
        }
        if (e instanceof CastExpr c) {
            Object inner = value(c.getExpression(), context);
            if (inner instanceof Character ch && c.getType().isPrimitiveType()) {
                return (long) ch;
            }
            return inner;
        }
        if (e instanceof UnaryExpr u) {
            return unary(u, context);
        }
        if (e instanceof BinaryExpr b) {
            return binary(b, context);
        }
        if (e instanceof ArrayInitializerExpr arr) {
            List<Object> items = new ArrayList<>();
            arr.getValues().forEach(v -> items.add(value(v, context)));
            return items;
        }
        if (e instanceof AnnotationExpr an) {
            return new Ann(an, context);
        }
        if (e instanceof ClassExpr c) {
            return new ClassLiteral(c.getType(), context);
        }
        if (e instanceof NameExpr n) {
            return name(n, context);
        }
        if (e instanceof FieldAccessExpr f) {
            return fieldAccess(f, context);
        }
        throw MappingError.at(context, e, "cannot evaluate " + e + ": use a literal or a constant");
    }

    private Object unary(UnaryExpr u, TypeInfo context) {
        Object v = value(u.getExpression(), context);
        switch (u.getOperator()) {
            case MINUS:
                if (v instanceof Long l) {
                    return -l;
                }
                if (v instanceof Double d) {
                    return -d;
                }
                break;
            case PLUS:
                return v;
            case BITWISE_COMPLEMENT:
                if (v instanceof Long l) {
                    return ~l;
                }
                break;
            case LOGICAL_COMPLEMENT:
                if (v instanceof Boolean b) {
                    return !b;
                }
                break;
            default:
                break;
        }
        throw MappingError.at(context, u, "cannot evaluate " + u + ": use a literal or a constant");
    }

    private Object binary(BinaryExpr b, TypeInfo context) {
        Object l = value(b.getLeft(), context);
        Object r = value(b.getRight(), context);
        if (b.getOperator() == BinaryExpr.Operator.PLUS && (l instanceof String || r instanceof String)) {
            return text(l, b, context) + text(r, b, context);
        }
        if (l instanceof Character c) {
            l = (long) c;
        }
        if (r instanceof Character c) {
            r = (long) c;
        }
        if (l instanceof Long x && r instanceof Long y) {
            switch (b.getOperator()) {
                case PLUS: return x + y;
                case MINUS: return x - y;
                case MULTIPLY: return x * y;
                case DIVIDE:
                    if (y == 0) {
                        throw MappingError.at(context, b, "division by zero in " + b);
                    }
                    return x / y;
                case REMAINDER:
                    if (y == 0) {
                        throw MappingError.at(context, b, "division by zero in " + b);
                    }
                    return x % y;
                case LEFT_SHIFT: return x << y;
                case SIGNED_RIGHT_SHIFT: return x >> y;
                case BINARY_AND: return x & y;
                case BINARY_OR: return x | y;
                case XOR: return x ^ y;
                default: break;
            }
        }
        if (l instanceof Boolean x && r instanceof Boolean y) {
            switch (b.getOperator()) {
                case AND: return x && y;
                case OR: return x || y;
                default: break;
            }
        }
        if (l instanceof ExternalConstant || r instanceof ExternalConstant) {
            ExternalConstant ext = (ExternalConstant) (l instanceof ExternalConstant ? l : r);
            throw external(ext, b, context);
        }
        throw MappingError.at(context, b, "cannot evaluate " + b + ": only text concatenation and whole-number arithmetic are understood");
    }

    private String text(Object v, Node where, TypeInfo context) {
        if (v instanceof ExternalConstant ext) {
            throw external(ext, where, context);
        }
        if (v instanceof String || v instanceof Long || v instanceof Character || v instanceof Boolean) {
            return v.toString();
        }
        throw MappingError.at(context, where, "cannot evaluate " + where + " as text");
    }

    private MappingError external(ExternalConstant ext, Node where, TypeInfo context) {
        return MappingError.at(context, where, "constant " + simple(ext.owner()) + "." + ext.name()
                + " cannot be read: class " + ext.owner() + " " + Problems.NOT_WATCHED);
    }

    /** A simple name: a constant of this class, its supertypes or enclosing classes, or a static import. */
    private Object name(NameExpr n, TypeInfo context) {
        String name = n.getNameAsString();
        Optional<Found> found = findField(name, context);
        if (found.isPresent()) {
            return constant(found.get(), n, context);
        }
        FileImports imports = context.imports();
        String owner = imports.staticSingles().get(name);
        if (owner != null) {
            return member(owner, name, n, context);
        }
        for (String candidate : imports.staticOnDemand()) {
            Optional<TypeInfo> t = index.get(candidate);
            if (t.isPresent()) {
                Optional<Found> f = fieldInHierarchy(t.get(), name, 0);
                if (f.isPresent()) {
                    dependencies.add(t.get());
                    return constant(f.get(), n, context);
                }
            }
        }
        for (String candidate : imports.staticOnDemand()) {
            if (index.get(candidate).isEmpty()) {
                return new ExternalConstant(candidate, name);
            }
        }
        throw MappingError.at(context, n, "cannot find constant " + name + ": declare it in a class in models.paths, or write the value");
    }

    private Object member(String ownerName, String name, Node where, TypeInfo context) {
        Optional<TypeInfo> owner = index.get(ownerName);
        if (owner.isEmpty()) {
            TypeName resolved = index.resolve(ownerName, context);
            if (resolved.isWatched()) {
                owner = Optional.of(resolved.watched());
            }
        }
        if (owner.isEmpty()) {
            Long library = LIBRARY_CONSTANTS.get(ownerName + "." + name);
            return library != null ? library : new ExternalConstant(ownerName, name);
        }
        dependencies.add(owner.get());
        Optional<Found> f = fieldInHierarchy(owner.get(), name, 0);
        if (f.isEmpty()) {
            throw MappingError.at(context, where, owner.get().simpleName() + " has no constant " + name);
        }
        return constant(f.get(), where, context);
    }

    /** {@code Limits.NAME}, {@code com.x.Limits.NAME}, {@code Order.Status.NEW}. */
    private Object fieldAccess(FieldAccessExpr f, TypeInfo context) {
        String scope = dotted(f.getScope());
        if (scope == null) {
            throw MappingError.at(context, f, "cannot evaluate " + f + ": use a literal or a constant");
        }
        TypeName owner = index.resolve(scope, context);
        if (owner.isWatched()) {
            return member(owner.qualifiedName(), f.getNameAsString(), f, context);
        }
        if (owner.isResolved()) {
            return member(owner.qualifiedName(), f.getNameAsString(), f, context);
        }
        // Not a type we know: keep the written name, so an enum-valued attribute can still use it.
        return new ExternalConstant(scope, f.getNameAsString());
    }

    private static String dotted(Expression e) {
        if (e instanceof NameExpr n) {
            return n.getNameAsString();
        }
        if (e instanceof FieldAccessExpr f) {
            String scope = dotted(f.getScope());
            return scope == null ? null : scope + "." + f.getNameAsString();
        }
        return null;
    }

    private record Found(TypeInfo owner, VariableDeclarator variable, boolean enumConstant, String name) {
    }

    private Optional<Found> findField(String name, TypeInfo context) {
        for (TypeInfo t = context; t != null; t = t.enclosing()) {
            Optional<Found> f = fieldInHierarchy(t, name, 0);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }

    private Optional<Found> fieldInHierarchy(TypeInfo type, String name, int depth) {
        if (depth > MAX_DEPTH) {
            return Optional.empty();
        }
        if (type.enumConstants().contains(name)) {
            return Optional.of(new Found(type, null, true, name));
        }
        Optional<VariableDeclarator> own = type.field(name);
        if (own.isPresent()) {
            return Optional.of(new Found(type, own.get(), false, name));
        }
        List<ClassOrInterfaceType> supers = new ArrayList<>(type.superInterfaces());
        type.extendedType().ifPresent(e -> supers.add(0, e));
        for (ClassOrInterfaceType s : supers) {
            TypeName sup = index.resolve(s.getNameWithScope(), type);
            if (sup.isWatched()) {
                Optional<Found> f = fieldInHierarchy(sup.watched(), name, depth + 1);
                if (f.isPresent()) {
                    dependencies.add(sup.watched());
                    return f;
                }
            }
        }
        return Optional.empty();
    }

    private Object constant(Found f, Node where, TypeInfo context) {
        dependencies.add(f.owner());
        if (f.enumConstant()) {
            return new EnumValue(f.owner().qualifiedName(), f.name());
        }
        Optional<Expression> init = f.variable().getInitializer();
        if (init.isEmpty()) {
            throw MappingError.at(context, where, f.owner().simpleName() + "." + f.name()
                    + " has no value in its declaration, so it cannot be read from source: write the value here");
        }
        String key = f.owner().qualifiedName() + "#" + f.name();
        if (!evaluating.add(key) || evaluating.size() > MAX_DEPTH) {
            throw MappingError.at(context, where, "constant " + f.owner().simpleName() + "." + f.name() + " refers to itself");
        }
        try {
            return value(init.get(), f.owner());
        } finally {
            evaluating.remove(key);
        }
    }

    private static String simple(String qualified) {
        return qualified.substring(qualified.lastIndexOf('.') + 1);
    }
}
