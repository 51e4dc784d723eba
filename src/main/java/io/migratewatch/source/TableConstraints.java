package io.migratewatch.source;

import com.github.javaparser.ast.Node;
import io.migratewatch.schema.Index;
import io.migratewatch.schema.IndexColumn;
import io.migratewatch.schema.SqlLexer;
import io.migratewatch.schema.UniqueConstraint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code @Table(uniqueConstraints = ..., indexes = ...)}: column names in them may be logical (as
 * the fields name them) or physical; unnamed indexes get Hibernate's hashed {@code IDX...} name,
 * unnamed unique constraints are left for PostgreSQL to name. An index column list holds names with
 * an optional asc or desc and nothing else, so nothing written there reaches SQL but a known column.
 */
final class TableConstraints {

    record Result(List<UniqueConstraint> uniques, List<Index> indexes) {
    }

    /** One key of a column list: a name (bare, "quoted" or `quoted`) and an optional asc or desc. */
    private record Key(String name, boolean descending) {
    }

    private static final Pattern KEY = Pattern.compile("(?i)\\s*(\"(?:[^\"]|\"\")*\"|`[^`]*`|[^\\s\"`]+)(?:\\s+(asc|desc))?\\s*");

    private final MappingContext ctx;

    TableConstraints(MappingContext ctx) {
        this.ctx = ctx;
    }

    /** @param columns the table's columns by logical name, in order */
    Result of(TypeInfo entity, PhysicalName table, Map<String, MappedColumn> columns) {
        Optional<Ann> tableAnn = entity.annotation(Family.JPA, "Table").map(a -> new Ann(a, entity));
        if (tableAnn.isEmpty()) {
            return new Result(List.of(), List.of());
        }
        ConstantResolver c = ctx.constants;
        List<UniqueConstraint> uniques = new ArrayList<>();
        // Hibernate keys unnamed constraints and indexes by a hash of their column *set*: a second one over the
        // same columns (in any order) is the first one again. @UniqueConstraints and unique @Indexes are kept apart.
        Set<Set<String>> uniqueSets = new HashSet<>();
        Set<Set<String>> uniqueIndexSets = new HashSet<>();
        Set<String> indexNames = new HashSet<>();
        for (Ann u : c.annotations(tableAnn.get(), "uniqueConstraints")) {
            List<String> names = new ArrayList<>();
            for (String written : c.strings(u, "columnNames")) {
                names.add(column(written, columns, entity, u.expr(), table).name().emitted());
            }
            if (names.isEmpty()) {
                throw MappingError.at(entity, u.expr(), "@UniqueConstraint needs columnNames");
            }
            String name = ModelNames.read(c, u, "name");
            if (name.isBlank() && (!uniqueSets.add(Set.copyOf(names)) || alreadyUnique(names, columns))) {
                continue;
            }
            uniques.add(new UniqueConstraint(name.isBlank() ? null : PhysicalName.parse(name).emitted(), names));
        }
        List<Index> indexes = new ArrayList<>();
        for (Ann i : c.annotations(tableAnn.get(), "indexes")) {
            String list = c.string(i, "columnList", "");
            List<IndexColumn> keys = new ArrayList<>();
            List<PhysicalName> written = new ArrayList<>();
            if (!list.isBlank()) {
                ModelExpressions.requireColumnList(i, list);
            }
            for (String part : parts(list)) {
                if (part.isBlank()) {
                    continue;
                }
                Key key = key(part).orElseThrow(() -> ModelExpressions.notAColumn(i, list, part));
                MappedColumn col = column(key.name(), columns, entity, i.expr(), table);
                keys.add(new IndexColumn(col.name().emitted(), null, key.descending()));
                written.add(PhysicalName.parse(key.name()));
            }
            if (keys.isEmpty()) {
                throw MappingError.at(entity, i.expr(), "@Index needs a columnList, e.g. columnList = \"name, created_at desc\"");
            }
            String name = ModelNames.read(c, i, "name");
            List<String> names = keys.stream().map(IndexColumn::column).toList();
            if (c.bool(i, "unique", false)) {
                // Hibernate makes a unique @Index a unique constraint, named only when the index is
                if (name.isBlank() && (!uniqueIndexSets.add(Set.copyOf(names)) || alreadyUnique(names, columns))) {
                    continue;
                }
                uniques.add(new UniqueConstraint(name.isBlank() ? null : PhysicalName.parse(name).emitted(), names));
                continue;
            }
            String indexName = name.isBlank() ? HibernateNames.index(table, written) : PhysicalName.parse(name).emitted();
            if (indexNames.add(indexName)) {
                indexes.add(new Index(indexName, keys, false, null));
            }
        }
        return new Result(uniques, indexes);
    }

    /** One column already declared {@code @Column(unique = true)}: Hibernate adds no second constraint. */
    private static boolean alreadyUnique(List<String> names, Map<String, MappedColumn> columns) {
        return names.size() == 1 && columns.values().stream().anyMatch(m -> m.unique() && m.name().emitted().equals(names.get(0)));
    }

    private static Optional<Key> key(String part) {
        Matcher m = KEY.matcher(part);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Key(m.group(1), m.group(2) != null && m.group(2).equalsIgnoreCase("desc")));
    }

    /** The column list split at commas outside quotes and parentheses ({@link SqlLexer} decides). */
    private static List<String> parts(String list) {
        List<String> parts = new ArrayList<>();
        SqlLexer lexer = new SqlLexer();
        int start = 0;
        for (int k = 0; k < list.length(); k++) {
            char ch = list.charAt(k);
            SqlLexer.Kind kind = lexer.accept(ch, k + 1 < list.length() ? list.charAt(k + 1) : -1);
            if (kind == SqlLexer.Kind.CODE && ch == ',' && lexer.depth() == 0) {
                parts.add(list.substring(start, k));
                start = k + 1;
            }
        }
        parts.add(list.substring(start));
        return parts;
    }

    private MappedColumn column(String written, Map<String, MappedColumn> columns, TypeInfo entity, Node where,
                                PhysicalName table) {
        String w = PhysicalName.parse(written).text();
        MappedColumn byLogical = columns.get(written.strip());
        if (byLogical != null) {
            return byLogical;
        }
        String physical = ctx.naming().physical(written).emitted();
        for (MappedColumn c : columns.values()) {
            if (c.name().emitted().equals(physical) || c.name().emitted().equalsIgnoreCase(w)) {
                return c;
            }
        }
        List<String> known = columns.values().stream().map(c -> c.name().emitted()).toList();
        throw MappingError.at(entity, where, "column \"" + written.strip() + "\" is not a column of table " + table.emitted()
                + " (its columns are " + String.join(", ", known) + ")");
    }
}
