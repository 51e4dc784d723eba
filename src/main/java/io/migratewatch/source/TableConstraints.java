package io.migratewatch.source;

import com.github.javaparser.ast.Node;
import io.migratewatch.schema.Index;
import io.migratewatch.schema.IndexColumn;
import io.migratewatch.schema.UniqueConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code @Table(uniqueConstraints = ..., indexes = ...)}: column names in them may be logical (as
 * the fields name them) or physical; unnamed indexes get Hibernate's hashed {@code IDX...} name,
 * unnamed unique constraints are left for PostgreSQL to name.
 */
final class TableConstraints {

    record Result(List<UniqueConstraint> uniques, List<Index> indexes) {
    }

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
        for (Ann u : c.annotations(tableAnn.get(), "uniqueConstraints")) {
            List<String> names = new ArrayList<>();
            for (String written : c.strings(u, "columnNames")) {
                names.add(column(written, columns, entity, u.expr(), table).name().emitted());
            }
            if (names.isEmpty()) {
                throw MappingError.at(entity, u.expr(), "@UniqueConstraint needs columnNames");
            }
            String name = c.string(u, "name", "");
            uniques.add(new UniqueConstraint(name.isBlank() ? null : PhysicalName.parse(name).emitted(), names));
        }
        List<Index> indexes = new ArrayList<>();
        for (Ann i : c.annotations(tableAnn.get(), "indexes")) {
            String list = c.string(i, "columnList", "");
            List<IndexColumn> keys = new ArrayList<>();
            List<PhysicalName> written = new ArrayList<>();
            for (String part : list.split(",")) {
                String[] words = part.strip().split("\\s+");
                if (words.length == 0 || words[0].isEmpty()) {
                    continue;
                }
                boolean descending = words.length > 1 && words[words.length - 1].toLowerCase(Locale.ROOT).equals("desc");
                MappedColumn col = column(words[0], columns, entity, i.expr(), table);
                keys.add(new IndexColumn(col.name().emitted(), null, descending));
                written.add(PhysicalName.parse(words[0]));
            }
            if (keys.isEmpty()) {
                throw MappingError.at(entity, i.expr(), "@Index needs a columnList, e.g. columnList = \"name, created_at desc\"");
            }
            String name = c.string(i, "name", "");
            String indexName = name.isBlank() ? HibernateNames.index(table, written) : PhysicalName.parse(name).emitted();
            indexes.add(new Index(indexName, keys, c.bool(i, "unique", false), null));
        }
        return new Result(uniques, indexes);
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
