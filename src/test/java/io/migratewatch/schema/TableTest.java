package io.migratewatch.schema;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableTest {

    private static final Column ID = Column.of("id", ColumnType.BIGINT, false);
    private static final Column CODE = Column.of("code", ColumnType.varchar(40), true);

    @Test
    void unnamedConstraintsGetThePostgresNames() {
        Table t = new Table("orders", List.of(ID, CODE), new PrimaryKey(null, List.of("id")),
                List.of(new ForeignKey(null, List.of("code"), "codes", List.of("code"), null)),
                List.of(new UniqueConstraint(null, List.of("code"))),
                List.of(new Index(null, List.of(IndexColumn.of("code")), false, null)), List.of());
        assertThat(t.primaryKey().name()).isEqualTo("orders_pkey");
        assertThat(t.uniques().get(0).name()).isEqualTo("orders_code_key");
        assertThat(t.foreignKeys().get(0).name()).isEqualTo("orders_code_fkey");
        assertThat(t.indexes().get(0).name()).isEqualTo("orders_code_idx");
    }

    @Test
    void longNamesAreShortenedLikePostgresDoes() {
        String table = "a".repeat(40);
        String column = "b".repeat(40);
        String name = DefaultNames.unique(table, List.of(column));
        assertThat(name.length()).isEqualTo(63);
        assertThat(name).endsWith("_key").startsWith("a".repeat(29) + "_" + "b".repeat(29));
    }

    @Test
    void equalityIgnoresColumnOrderAndConstraintNames() {
        Table a = new Table("t", List.of(ID, CODE), new PrimaryKey("x", List.of("id")), List.of(),
                List.of(new UniqueConstraint("u1", List.of("code"))), List.of(), List.of(new CheckConstraint("c1", "\"code\" <> ''")));
        Table b = new Table("t", List.of(CODE, ID), new PrimaryKey("t_pkey", List.of("id")), List.of(),
                List.of(new UniqueConstraint("t_code_key", List.of("code"))), List.of(), List.of(new CheckConstraint("other", "(code <> ''::text)")));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(b.withColumns(List.of(CODE, ID.withNullable(true))));
    }

    @Test
    void duplicateColumnsAreRefused() {
        assertThatThrownBy(() -> Table.of("t", List.of(ID, ID), null)).hasMessageContaining("two columns named id");
    }

    @Test
    void identityColumnsAreNotNull() {
        assertThat(new Column("id", ColumnType.BIGINT, true, null, Identity.ALWAYS).nullable()).isFalse();
    }
}
