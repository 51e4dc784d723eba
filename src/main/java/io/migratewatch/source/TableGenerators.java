package io.migratewatch.source;

import io.migratewatch.schema.Column;
import io.migratewatch.schema.ColumnType;
import io.migratewatch.schema.PrimaryKey;
import io.migratewatch.schema.Table;

import java.util.List;
import java.util.Optional;

/**
 * The table of a table generator ({@code @GeneratedValue(strategy = TABLE)}, {@code @TableGenerator}): Hibernate's
 * {@code hibernate_sequences (sequence_name varchar(255) primary key, next_val bigint)}, or the table and columns the
 * {@code @TableGenerator} names. Hibernate's export also inserts each generator's row (its segment and initial
 * value); migrate-watch makes the table only, because Hibernate's generator inserts a missing row itself the first
 * time it hands out an id, starting from the same initial value.
 */
final class TableGenerators {

    static final String DEFAULT_TABLE = "hibernate_sequences";
    static final String DEFAULT_SEGMENT_COLUMN = "sequence_name";
    static final String DEFAULT_VALUE_COLUMN = "next_val";

    private TableGenerators() {
    }

    /**
     * The generator's table. Hibernate (6.6 and 7.4) makes no constraint or index of a {@code @TableGenerator}'s
     * {@code uniqueConstraints} and {@code indexes}, so neither does migrate-watch.
     */
    static Table table(Optional<Ann> declared, MappingContext ctx) {
        ConstantResolver c = ctx.constants;
        String table = declared.map(g -> ModelNames.read(c, g, "table")).filter(s -> !s.isBlank()).orElse(DEFAULT_TABLE);
        String segment = declared.map(g -> ModelNames.read(c, g, "pkColumnName")).filter(s -> !s.isBlank()).orElse(DEFAULT_SEGMENT_COLUMN);
        String value = declared.map(g -> ModelNames.read(c, g, "valueColumnName")).filter(s -> !s.isBlank()).orElse(DEFAULT_VALUE_COLUMN);
        PhysicalName segmentName = ctx.naming().physical(segment);
        List<Column> columns = List.of(Column.of(segmentName.emitted(), ColumnType.varchar(255), false),
                Column.of(ctx.naming().physical(value).emitted(), ColumnType.BIGINT, true));
        return new Table(ctx.naming().physical(table).emitted(), columns, new PrimaryKey(null, List.of(segmentName.emitted())),
                List.of(), List.of(), List.of(), List.of());
    }

    /**
     * The schema a {@code @TableGenerator} puts its table in when that is not the schema migrate-watch manages, or
     * null. Its {@code catalog} changes nothing on PostgreSQL, whose tables are named by schema alone.
     */
    static String otherSchema(Ann declared, MappingContext ctx) {
        String written = ctx.constants.string(declared, "schema", "");
        if (written.isBlank()) {
            return null;
        }
        String schema = ctx.naming().physical(written).emitted();
        return schema.equals(ctx.options().schema()) ? null : schema;
    }
}
