package io.migratewatch.source;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.expr.AnnotationExpr;
import io.migratewatch.schema.Identity;
import io.migratewatch.schema.Sequence;
import io.migratewatch.schema.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code @GeneratedValue} on the id → an identity column or a sequence (docs/mapping.md, "Identifiers and
 * generators"), including the Hibernate 6 / 7 difference for a named {@code @SequenceGenerator}
 * without {@code sequenceName}. Strategies not supported yet come back as {@link Plan#unsupported()}.
 */
final class IdGeneration {

    /**
     * What the id's generation adds to the schema: an identity, a sequence or a generator table; {@code elsewhere}
     * says that the generator's table is in a schema migrate-watch does not manage.
     */
    record Plan(Identity identity, Sequence sequence, String unsupported, Node where, Table table, SourceProblem elsewhere) {
        static final Plan NONE = new Plan(Identity.NONE, null, null, null);

        Plan(Identity identity, Sequence sequence, String unsupported, Node where) {
            this(identity, sequence, unsupported, where, null, null);
        }
    }

    private static final Set<String> INTEGRAL = Set.of("int", "long", "short", "java.lang.Integer", "java.lang.Long",
            "java.lang.Short", "java.math.BigInteger", "java.math.BigDecimal");

    private final MappingContext ctx;

    IdGeneration(MappingContext ctx) {
        this.ctx = ctx;
    }

    /** @param owners the entity and its mapped superclasses, where generators may be declared */
    Plan plan(Attribute id, TypeInfo entity, List<TypeInfo> owners, PhysicalName table) {
        ConstantResolver c = ctx.constants;
        Optional<Ann> generated = id.annotation(Family.JPA, "GeneratedValue");
        if (generated.isEmpty()) {
            return Plan.NONE;
        }
        Ann gv = generated.get();
        String strategy = c.enumName(gv, "strategy", "AUTO");
        String generator = ModelNames.read(c, gv, "generator", false);
        String type = typeName(ctx.typeOf(id));
        switch (strategy) {
            case "IDENTITY":
                return new Plan(Identity.BY_DEFAULT, null, null, null);
            case "UUID":
                return Plan.NONE;
            case "TABLE":
                return table(id, owners, generator, gv);
            default:
                break;
        }
        // SEQUENCE or AUTO
        if (!generator.isBlank()) {
            if (local(id, owners, "TableGenerator", generator).isPresent()) {
                return table(id, owners, generator, gv);
            }
            Optional<Ann> generic = local(id, owners, "GenericGenerator", generator);
            if (generic.isPresent()) {
                return "java.util.UUID".equals(type) || "java.lang.String".equals(type)
                        ? Plan.NONE : generic(generic.get(), gv);
            }
        }
        // Hibernate picks the generator by the field's declared type: a type variable (a generic base's ID bound to
        // UUID below) is not a UUID to Hibernate 7, and AUTO makes a sequence whatever the bound type (6.6 resolves it)
        boolean typeVariable = ctx.options().hibernate7()
                && ctx.types.resolve(id.variable().getType(), id.owner(), java.util.Map.of()) instanceof JavaType.Variable;
        if (id.has(Family.HIBERNATE, "UuidGenerator") || "java.util.UUID".equals(type) && !typeVariable) {
            return Plan.NONE;
        }
        if (!typeVariable && (type == null || !INTEGRAL.contains(type))) {
            return unsupported("@GeneratedValue on a " + (type == null ? "non-numeric" : simple(type)) + " id", gv);
        }
        Optional<Ann> sequenceGenerator = sequenceGenerator(id, owners, generator);
        HibernateSettings settings = ctx.options().hibernate();
        String name;
        // hibernate.id.db_structure_naming_strategy=legacy or single: a sequence no @SequenceGenerator sizes steps by 1
        int increment = settings.legacyIds() || settings.singleIdSequence() ? 1 : 50;
        int start = 1;
        if (sequenceGenerator.isPresent()) {
            Ann sg = sequenceGenerator.get();
            for (String place : List.of("schema", "catalog")) {
                String written = c.string(sg, place, "");
                // the default schema is where the sequence is anyway
                if (!written.isBlank() && !(place.equals("schema") && written.equals("public"))) {
                    return unsupported("@SequenceGenerator(" + place + ")", sg);
                }
            }
            name = ModelNames.read(c, sg, "sequenceName");
            if (name.isBlank()) {
                String generatorName = ModelNames.read(c, sg, "name", false);
                name = !generatorName.isBlank() && !settings.singleIdSequence() ? generatorName : implicitName(table);
            }
            increment = c.integer(sg, "allocationSize", 50);
            start = c.integer(sg, "initialValue", 1);
        } else if (!generator.isBlank()) {
            // a generator name that no generator declares is taken as the sequence name (single: one for all);
            // Hibernate 6.6 sizes it by 50 whatever the structure naming
            name = settings.singleIdSequence() ? implicitName(table) : generator;
            if (!ctx.options().hibernate7() && settings.legacyIds()) {
                increment = 50;
            }
        } else {
            name = implicitName(table);
        }
        Sequence sequence = new Sequence(ctx.naming().physical(name).emitted(), start, increment);
        return new Plan(Identity.NONE, sequence, null, null);
    }

    /** {@code <table>_SEQ}, or one {@code hibernate_sequence} for all with the legacy and single structure naming. */
    private String implicitName(PhysicalName table) {
        HibernateSettings settings = ctx.options().hibernate();
        if (settings.legacyIds() || settings.singleIdSequence()) {
            return "hibernate_sequence";
        }
        return table.text() + "_SEQ";
    }

    /**
     * A table generator: the {@code @TableGenerator} of that name on the field, the entity or its mapped superclasses
     * (JPA 3.2: an unnamed one there when no name is given), else Hibernate's {@code hibernate_sequences}.
     */
    private Plan table(Attribute id, List<TypeInfo> owners, String generator, Ann gv) {
        Optional<Ann> declared = generator.isBlank() ? nearest(id, owners, "TableGenerator")
                : local(id, owners, "TableGenerator", generator);
        Table table = TableGenerators.table(declared, ctx);
        String schema = declared.map(g -> TableGenerators.otherSchema(g, ctx)).orElse(null);
        if (schema != null) {
            // Hibernate creates it in that schema; the managed one has no table of that name
            SourceProblem elsewhere = Problems.at(declared.get().owner(), declared.get().expr(), "the generator table "
                    + schema + "." + table.name() + " is in schema " + schema + ", not in schema " + ctx.options().schema()
                    + " that migrate-watch manages: Hibernate creates it there, and migrations leave it out");
            return new Plan(Identity.NONE, null, null, null, null, elsewhere);
        }
        return new Plan(Identity.NONE, null, null, null, table, null);
    }

    private static Plan unsupported(String what, Ann where) {
        return new Plan(Identity.NONE, null, what, where.expr());
    }

    /**
     * The @SequenceGenerator for a @GeneratedValue: by name on the id field, the entity, its mapped
     * superclasses, then anywhere in the persistence unit; without a name, an unnamed generator on
     * the field or class (JPA 3.2).
     */
    private Optional<Ann> sequenceGenerator(Attribute id, List<TypeInfo> owners, String generator) {
        if (generator.isBlank() && ctx.options().hibernate7()) {
            // JPA 3.2: @GeneratedValue without a generator name uses the generator declared on the field or class
            Optional<Ann> unnamed = nearest(id, owners, "SequenceGenerator");
            if (unnamed.isPresent()) {
                return unnamed;
            }
        }
        Optional<Ann> local = local(id, owners, "SequenceGenerator", generator);
        if (local.isPresent() || generator.isBlank()) {
            return local;
        }
        return ctx.env.globals.sequenceGenerator(generator);
    }

    /**
     * {@code @GenericGenerator} on a numeric id: Hibernate's sequence-style generator makes a sequence (named by
     * its sequence_name parameter, else by the generator), "increment" needs none; anything else is not known.
     */
    private Plan generic(Ann gg, Ann gv) {
        ConstantResolver c = ctx.constants;
        String strategy = c.string(gg, "strategy", "");
        String typeName = c.classLiteral(gg, "type").map(l -> l.type().asString()).orElse("");
        if (strategy.equals("increment") || typeName.endsWith("IncrementGenerator")) {
            return Plan.NONE;
        }
        boolean sequenceStyle = SEQUENCE_STRATEGIES.contains(strategy) || typeName.endsWith("SequenceStyleGenerator");
        if (!sequenceStyle) {
            return unsupported("@GenericGenerator", gv);
        }
        java.util.Map<String, String> parameters = new java.util.HashMap<>();
        for (Ann p : c.annotations(gg, "parameters")) {
            parameters.put(c.string(p, "name", ""), c.string(p, "value", ""));
        }
        String name = parameters.getOrDefault("sequence_name", ModelNames.read(c, gg, "name", false));
        int start = Integer.parseInt(parameters.getOrDefault("initial_value", "1").strip());
        int increment = Integer.parseInt(parameters.getOrDefault("increment_size", "50").strip());
        return new Plan(Identity.NONE, new Sequence(ctx.naming().physical(name).emitted(), start, increment), null, null);
    }

    private static final Set<String> SEQUENCE_STRATEGIES = Set.of("sequence", "enhanced-sequence",
            "org.hibernate.id.enhanced.SequenceStyleGenerator");

    /** The first generator of a kind on the id field, else on the entity and its mapped superclasses. */
    private Optional<Ann> nearest(Attribute id, List<TypeInfo> owners, String kind) {
        List<Ann> candidates = new ArrayList<>(declared(id.field().getAnnotations(), id.owner(), kind));
        for (TypeInfo owner : owners) {
            candidates.addAll(declared(owner.annotations(), owner, kind));
        }
        return candidates.stream().findFirst();
    }

    private Optional<Ann> local(Attribute id, List<TypeInfo> owners, String kind, String generator) {
        List<Ann> candidates = new ArrayList<>(declared(id.field().getAnnotations(), id.owner(), kind));
        for (TypeInfo owner : owners) {
            candidates.addAll(declared(owner.annotations(), owner, kind));
        }
        for (Ann candidate : candidates) {
            if (ctx.constants.string(candidate, "name", "").equals(generator)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Generators of a kind declared on a node, also inside their plural container annotation. */
    static List<Ann> declared(NodeList<AnnotationExpr> annotations, TypeInfo owner, String kind) {
        List<Ann> out = new ArrayList<>();
        Family family = kind.equals("GenericGenerator") ? Family.HIBERNATE : Family.JPA;
        for (AnnotationExpr a : annotations) {
            if (Annotations.is(a, owner.imports(), family, kind)) {
                out.add(new Ann(a, owner));
            } else if (Annotations.is(a, owner.imports(), family, kind + "s")) {
                Ann container = new Ann(a, owner);
                container.get("value").ifPresent(v -> v.walk(AnnotationExpr.class, inner -> {
                    if (inner != a && Annotations.is(inner, owner.imports(), family, kind)) {
                        out.add(new Ann(inner, owner));
                    }
                }));
            }
        }
        return out;
    }

    private static String typeName(JavaType t) {
        if (t instanceof JavaType.Primitive p) {
            return p.name();
        }
        if (t instanceof JavaType.Named n) {
            return n.qualifiedName();
        }
        return null;
    }

    private static String simple(String qualified) {
        return qualified.substring(qualified.lastIndexOf('.') + 1);
    }
}
