package io.migratewatch.source;

import io.migratewatch.schema.CommentTarget;
import io.migratewatch.schema.ForeignKey;
import io.migratewatch.schema.Renames;
import io.migratewatch.schema.Schema;
import io.migratewatch.schema.Sequence;
import io.migratewatch.schema.Table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Derives the model from the type index: finds the entities and their hierarchy roles, maps each
 * (reusing the previous result while nothing it read has changed), and assembles tables,
 * sequences, warnings, unmanaged tables and renames. Mapping errors of all entities are reported
 * together.
 */
final class ModelBuilder {

    private static final Comparator<SourceProblem> BY_PLACE = Comparator
            .comparing((SourceProblem p) -> p.file() == null ? "" : p.file().toString())
            .thenComparingInt(SourceProblem::line).thenComparingInt(SourceProblem::column)
            .thenComparing(SourceProblem::message);

    private final MappingOptions options;
    private final Map<String, EntityResult> cache = new HashMap<>();
    private long cachedShape = -1;
    private List<String> cachedGlobals = List.of();
    private String cachedHierarchies = "";

    ModelBuilder(MappingOptions options) {
        this.options = options;
    }

    /**
     * @param shapeVersion changes whenever the set of declared type names changes, which can change
     *                     what any name resolves to: then nothing cached is trusted
     */
    ParsedModel build(TypeIndex index, long shapeVersion, Function<Path, Long> currentVersion) {
        List<TypeInfo> entities = index.types().stream()
                .filter(t -> t.isClass() && t.has(Family.JPA, "Entity"))
                .sorted(Comparator.comparing(TypeInfo::qualifiedName))
                .toList();
        GlobalFacts globals = GlobalFacts.of(index.types(), index);
        if (shapeVersion != cachedShape || !globals.signature().equals(cachedGlobals)) {
            cache.clear();
            cachedShape = shapeVersion;
            cachedGlobals = globals.signature();
        }
        Hierarchies hierarchies = Hierarchies.of(entities, index);
        Map<String, HierarchyRole> roles = roles(entities, hierarchies);
        if (!hierarchies.signature().equals(cachedHierarchies)) {
            // a root's table holds its subclasses' columns: a class that starts or stops extending it changes the root
            cache.clear();
            cachedHierarchies = hierarchies.signature();
        }
        MappingEnvironment env = new MappingEnvironment(options, index, globals, roles, hierarchies);
        EntityMapper mapper = new EntityMapper(env);

        List<SourceProblem> errors = new ArrayList<>();
        List<EntityResult> results = new ArrayList<>();
        Set<String> live = new HashSet<>();
        for (TypeInfo entity : entities) {
            live.add(entity.qualifiedName());
            EntityResult cached = cache.get(entity.qualifiedName());
            if (cached != null && cached.role() == env.role(entity) && cached.isCurrent(currentVersion)) {
                results.add(cached);
                continue;
            }
            try {
                EntityResult result = mapper.map(entity);
                cache.put(entity.qualifiedName(), result);
                results.add(result);
            } catch (MappingError e) {
                cache.remove(entity.qualifiedName());
                errors.add(e.problem());
            } catch (RuntimeException e) {
                // a value the schema model rejects, or a bug here: still a problem at the entity, never a crash
                // of the daemon that calls us
                cache.remove(entity.qualifiedName());
                errors.add(Problems.at(entity, entity.declaration().getName(), "cannot map entity "
                        + entity.simpleName() + ": " + e));
            }
        }
        cache.keySet().retainAll(live);
        PhysicalName revisionTable = entities.stream().filter(t -> t.has(Family.ENVERS, "RevisionEntity")).findFirst()
                .map(t -> EntityNames.table(t, env.context())).orElse(null);
        return assemble(results, errors, revisionTable, env.context());
    }

    /** Entities that extend an entity, and the entities they extend (or that declare @Inheritance). */
    private static Map<String, HierarchyRole> roles(List<TypeInfo> entities, Hierarchies hierarchies) {
        Map<String, HierarchyRole> roles = new HashMap<>();
        for (TypeInfo entity : entities) {
            if (hierarchies.parent(entity) != null) {
                roles.put(entity.qualifiedName(), HierarchyRole.SUBCLASS);
            } else if (!hierarchies.children(entity).isEmpty() || entity.has(Family.JPA, "Inheritance")) {
                roles.put(entity.qualifiedName(), HierarchyRole.ROOT);
            }
        }
        return roles;
    }

    private static ParsedModel assemble(List<EntityResult> results, List<SourceProblem> errors, PhysicalName revisionTable,
                                        MappingContext ctx) {
        Map<String, EntityResult> byTable = new LinkedHashMap<>();
        Set<String> unmanaged = new TreeSet<>();
        Map<String, Sequence> sequences = new TreeMap<>();
        List<SourceProblem> warnings = new ArrayList<>();
        Renames renames = Renames.NONE;
        for (EntityResult r : results) {
            unmanaged.addAll(r.unmanagedTables());
            warnings.addAll(r.warnings());
            r.sequences().forEach(s -> sequences.putIfAbsent(s.name(), s));
            if (!r.renames().tables().isEmpty() || !r.renames().columns().isEmpty()) {
                renames = renames.plus(r.renames());
            }
            if (r.table() == null) {
                continue;
            }
            EntityResult other = byTable.putIfAbsent(r.tableName(), r);
            if (other != null) {
                // two entities on one table (a read model beside the full one): Hibernate makes one table of both
                try {
                    byTable.put(r.tableName(), other.withTable(SharedTable.merge(other.table(), r.table())));
                } catch (IllegalArgumentException e) {
                    SourceProblem at = r.declaredAt();
                    errors.add(new SourceProblem(at.file(), at.line(), at.column(), "entities " + simple(other.entity())
                            + " and " + simple(r.entity()) + " both map to table " + r.tableName() + ", but " + e.getMessage()
                            + ": make them agree, or give one of them @Table(name = \"...\")"));
                }
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(BY_PLACE);
            throw new SourceException(errors);
        }
        Map<String, Table> tables = new LinkedHashMap<>();
        for (EntityResult r : byTable.values()) {
            if (!unmanaged.contains(r.tableName())) {
                tables.put(r.tableName(), r.table());
            }
        }
        for (EntityResult r : byTable.values()) {
            if (unmanaged.contains(r.tableName())) {
                continue;
            }
            for (Table t : r.collectionTables()) {
                if (tables.putIfAbsent(t.name(), t) != null) {
                    SourceProblem at = r.declaredAt();
                    errors.add(new SourceProblem(at.file(), at.line(), at.column(), "the collection table " + t.name() + " of "
                            + simple(r.entity()) + " has the name of another table: give it @JoinTable(name = \"...\")"
                            + " or @CollectionTable(name = \"...\")"));
                }
            }
            for (CollectionMapper.Addition addition : r.additions()) {
                Table target = tables.get(addition.table());
                if (target != null && !unmanaged.contains(addition.table())) {
                    tables.put(target.name(), withColumn(target, addition.column()));
                }
            }
        }
        byTable.values().stream().filter(r -> !unmanaged.contains(r.tableName())).forEach(r -> errors.addAll(tooLongNames(r)));
        if (!errors.isEmpty()) {
            errors.sort(BY_PLACE);
            throw new SourceException(errors);
        }
        for (EntityResult r : byTable.values()) {
            for (Table t : r.table() == null ? List.<Table>of() : concat(r.table(), r.collectionTables())) {
                if (!tables.containsKey(t.name())) {
                    continue;
                }
                for (ForeignKey fk : t.foreignKeys()) {
                    if (unmanaged.contains(fk.referencedTable())) {
                        SourceProblem at = r.declaredAt();
                        warnings.add(new SourceProblem(at.file(), at.line(), at.column(), "the foreign key of " + t.name()
                                + " (" + String.join(", ", fk.columns()) + ") to " + fk.referencedTable()
                                + " is left out of migrations with that table"));
                    }
                }
            }
        }
        List<AuditTables.Draft> audits = new ArrayList<>();
        byTable.values().stream().filter(r -> !unmanaged.contains(r.tableName())).forEach(r -> audits.addAll(r.audits()));
        AuditTables.addTo(tables, sequences, audits, revisionTable, ctx);
        // a table generator's table, once however many entities draw their ids from it
        results.forEach(r -> r.generatorTables().forEach(t -> tables.putIfAbsent(t.name(), t)));
        warnings.sort(BY_PLACE);
        // in entity order, so on a shared table the first entity's comment wins; withComments drops left-out tables'
        Map<CommentTarget, String> comments = new LinkedHashMap<>();
        results.forEach(r -> r.comments().forEach(comments::putIfAbsent));
        return new ParsedModel(Schema.of(tables.values(), sequences.values()).withComments(comments), renames, warnings, unmanaged,
                Coverage.of(results, unmanaged));
    }

    private static List<Table> concat(Table first, List<Table> rest) {
        List<Table> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    /** A table with a column another entity's {@code @OneToMany @JoinColumn} puts there (one column when both sides map it). */
    private static Table withColumn(Table table, MappedColumn added) {
        List<io.migratewatch.schema.Column> columns = new ArrayList<>(table.columns());
        if (columns.stream().noneMatch(c -> c.name().equals(added.column().name()))) {
            columns.add(added.column());
        }
        List<ForeignKey> foreignKeys = new ArrayList<>(table.foreignKeys());
        if (added.foreignKey() != null && foreignKeys.stream().noneMatch(f -> f.columns().equals(added.foreignKey().columns()))) {
            foreignKeys.add(added.foreignKey());
        }
        return table.withColumns(columns).withForeignKeys(foreignKeys);
    }

    private static String simple(String qualified) {
        return qualified.substring(qualified.lastIndexOf('.') + 1);
    }

    /**
     * Names the mapping made up (a join table, a join or embedded column, a sequence) that PostgreSQL would cut at
     * 63 bytes: the table would then never match the models. Named names are checked where they are read.
     */
    private static List<SourceProblem> tooLongNames(EntityResult r) {
        List<SourceProblem> problems = new ArrayList<>();
        for (Table t : r.table() == null ? List.<Table>of() : concat(r.table(), r.collectionTables())) {
            tooLong(problems, r, "table", t.name(), t.name());
            t.columns().forEach(c -> tooLong(problems, r, "column", t.name() + "." + c.name(), c.name()));
        }
        r.sequences().forEach(seq -> tooLong(problems, r, "sequence", seq.name(), seq.name()));
        return problems;
    }

    private static void tooLong(List<SourceProblem> problems, EntityResult r, String what, String shown, String name) {
        int bytes = name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > ModelNames.MAX_BYTES) {
            SourceProblem at = r.declaredAt();
            problems.add(new SourceProblem(at.file(), at.line(), at.column(), "the " + what + " name " + shown + " that "
                    + simple(r.entity()) + "'s mapping makes is " + bytes + " bytes long, and PostgreSQL cuts names at "
                    + ModelNames.MAX_BYTES + " bytes — name it yourself (@Table, @JoinTable, @CollectionTable, @Column,"
                    + " @JoinColumn, @SequenceGenerator) with at most " + ModelNames.MAX_BYTES + " bytes, or shorten the names it is made of"));
        }
    }
}
