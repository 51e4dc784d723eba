package io.migratewatch.diff;

import io.migratewatch.schema.Column;
import io.migratewatch.schema.ColumnType;
import io.migratewatch.schema.ForeignKey;
import io.migratewatch.schema.Index;
import io.migratewatch.schema.IndexColumn;
import io.migratewatch.schema.PrimaryKey;
import io.migratewatch.schema.Renames;
import io.migratewatch.schema.Schema;
import io.migratewatch.schema.Sequence;
import io.migratewatch.schema.Table;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaDiffTest {

    private static final Column ID = Column.of("id", ColumnType.BIGINT, false);

    private static Table customers(Column... extra) {
        List<Column> columns = new java.util.ArrayList<>(List.of(ID));
        columns.addAll(List.of(extra));
        return Table.of("customers", columns, new PrimaryKey(null, List.of("id")));
    }

    private static Table orders() {
        return Table.of("orders", List.of(ID, Column.of("customer_id", ColumnType.BIGINT, true)), new PrimaryKey(null, List.of("id")))
                .withForeignKeys(List.of(new ForeignKey(null, List.of("customer_id"), "customers", List.of("id"), null)));
    }

    @Test
    void identicalSchemasHaveNoChanges() {
        Schema s = Schema.of(List.of(customers(), orders()), List.of(new Sequence("customers_seq", 1, 50)));
        assertThat(SchemaDiff.between(s, s).changes()).isEmpty();
    }

    @Test
    void tablesExistBeforeTheForeignKeysThatReferenceThem() {
        Schema want = Schema.of(List.of(orders(), customers()), List.of());
        List<Change> changes = SchemaDiff.between(Schema.EMPTY, want).changes();
        assertThat(changes).hasSize(3);
        assertThat(changes.get(2)).isInstanceOf(AddForeignKey.class);
        assertThat(changes.subList(0, 2)).allMatch(c -> c instanceof CreateTable);
        CreateTable created = (CreateTable) changes.stream().filter(c -> c instanceof CreateTable ct && ct.table().name().equals("orders")).findFirst().orElseThrow();
        assertThat(created.table().foreignKeys()).as("the foreign key is a separate change").isEmpty();
    }

    @Test
    void foreignKeysAreDroppedBeforeTheTablesTheyReference() {
        Schema have = Schema.of(List.of(orders(), customers()), List.of());
        List<Change> changes = SchemaDiff.between(have, Schema.EMPTY).changes();
        assertThat(changes.get(0)).isInstanceOf(DropForeignKey.class);
        assertThat(changes.subList(1, 3)).allMatch(c -> c instanceof DropTable);
        assertThat(changes).filteredOn(c -> c instanceof DropTable).hasSize(2).allMatch(Change::canLoseData);
        assertThat(changes.get(0).canLoseData()).isFalse();
    }

    @Test
    void reverseOfTheChangesLeadsBack() {
        Schema a = Schema.of(List.of(customers()), List.of());
        Schema b = Schema.of(List.of(customers(Column.of("email", ColumnType.varchar(255), true)), orders()), List.of(new Sequence("s", 1, 50)));
        SchemaDiff.Result forward = SchemaDiff.between(a, b);
        SchemaDiff.Result backward = SchemaDiff.between(b, a);
        assertThat(forward.reversed()).containsExactlyInAnyOrderElementsOf(backward.changes());
        forward.changes().forEach(c -> assertThat(c.reverse().reverse()).isEqualTo(c));
    }

    @Test
    void aDroppedAndAnAddedColumnOfOneTypeIsAPossibleRename() {
        Schema have = Schema.of(List.of(customers(Column.of("age", ColumnType.INTEGER, true))), List.of());
        Schema want = Schema.of(List.of(customers(Column.of("birth_year", ColumnType.INTEGER, true))), List.of());
        SchemaDiff.Result result = SchemaDiff.between(have, want);
        assertThat(result.changes()).hasSize(2);
        assertThat(result.possibleRenames()).containsExactly(new PossibleRename("customers", "age", "birth_year"));
        assertThat(result.possibleRenames().get(0).option()).isEqualTo("--rename customers.age=birth_year");
    }

    @Test
    void aDeclaredRenameKeepsTheColumn() {
        Schema have = Schema.of(List.of(customers(Column.of("age", ColumnType.INTEGER, true))), List.of());
        Schema want = Schema.of(List.of(customers(Column.of("birth_year", ColumnType.INTEGER, true))), List.of());
        Renames renames = new Renames(Map.of(), Map.of("customers", Map.of("birth_year", "age")));
        SchemaDiff.Result result = SchemaDiff.between(have, want, renames);
        assertThat(result.changes()).containsExactly(new RenameColumn("customers", "age", "birth_year"));
        assertThat(result.changes()).noneMatch(Change::canLoseData);
    }

    @Test
    void aRenamedColumnThatAlsoChangesTypeIsRenamedThenAltered() {
        Schema have = Schema.of(List.of(customers(Column.of("age", ColumnType.INTEGER, true))), List.of());
        Schema want = Schema.of(List.of(customers(Column.of("years", ColumnType.BIGINT, true))), List.of());
        Renames renames = new Renames(Map.of(), Map.of("customers", Map.of("years", "age")));
        assertThat(SchemaDiff.between(have, want, renames).changes()).containsExactly(
                new RenameColumn("customers", "age", "years"),
                new AlterColumnType("customers", "years", ColumnType.INTEGER, ColumnType.BIGINT));
    }

    @Test
    void aDeclaredTableRenameKeepsTheTableAndItsReferences() {
        Schema have = Schema.of(List.of(customers(), orders()), List.of());
        Table clients = customers().withName("clients").withPrimaryKey(new PrimaryKey("clients_pkey", List.of("id")));
        Table ordersToClients = orders().withForeignKeys(List.of(new ForeignKey(null, List.of("customer_id"), "clients", List.of("id"), null)));
        Schema want = Schema.of(List.of(clients, ordersToClients), List.of());
        Renames renames = new Renames(Map.of("clients", "customers"), Map.of());
        assertThat(SchemaDiff.between(have, want, renames).changes()).containsExactly(new RenameTable("customers", "clients"),
                new RenameConstraint("clients", "customers_pkey", "clients_pkey"));
    }

    @Test
    void namesMadeFromARenamedTableOrColumnFollowTheRename() {
        // Hibernate's foreign key names are hashes of the table, the referenced table and the columns
        Table customers = customers(Column.of("code", ColumnType.INTEGER, true))
                .withIndexes(List.of(new Index("idx_customers_code", List.of(IndexColumn.of("code")), false, null)));
        Table orders = orders().withForeignKeys(List.of(new ForeignKey("fk_orders_customers", List.of("customer_id"), "customers", List.of("id"), null)));
        Schema have = Schema.of(List.of(customers, orders), List.of());
        Table clients = customers(Column.of("number", ColumnType.INTEGER, true)).withName("clients")
                .withPrimaryKey(new PrimaryKey(null, List.of("id")))
                .withIndexes(List.of(new Index("idx_clients_number", List.of(IndexColumn.of("number")), false, null)));
        Table ordersToClients = orders().withForeignKeys(List.of(new ForeignKey("fk_orders_clients", List.of("customer_id"), "clients", List.of("id"), null)));
        Schema want = Schema.of(List.of(clients, ordersToClients), List.of());
        Renames renames = new Renames(Map.of("clients", "customers"), Map.of("clients", Map.of("number", "code")));

        SchemaDiff.Result result = SchemaDiff.between(have, want, renames);

        assertThat(result.changes()).containsExactlyInAnyOrder(new RenameTable("customers", "clients"),
                new RenameColumn("clients", "code", "number"),
                new RenameConstraint("clients", "customers_pkey", "clients_pkey"),
                new RenameIndex("clients", "idx_customers_code", "idx_clients_number"),
                new RenameConstraint("orders", "fk_orders_customers", "fk_orders_clients"));
        assertThat(result.changes().subList(0, 2)).as("the table and column first, the names made from them after")
                .containsExactly(new RenameTable("customers", "clients"), new RenameColumn("clients", "code", "number"));
        assertThat(result.changes()).noneMatch(Change::canLoseData);
    }

    @Test
    void withoutARenameAnotherNameAloneIsNoChange() {
        Table orders = orders().withForeignKeys(List.of(new ForeignKey("fk_by_hand", List.of("customer_id"), "customers", List.of("id"), null)));
        Schema have = Schema.of(List.of(customers(), orders), List.of());
        Schema want = Schema.of(List.of(customers(), orders()), List.of());
        assertThat(SchemaDiff.between(have, want).changes()).isEmpty();
    }

    @Test
    void narrowingIsDestructiveAndWideningIsNot() {
        assertThat(new AlterColumnType("t", "c", ColumnType.varchar(40), ColumnType.varchar(20)).canLoseData()).isTrue();
        assertThat(new AlterColumnType("t", "c", ColumnType.varchar(20), ColumnType.varchar(40)).canLoseData()).isFalse();
        assertThat(new AlterColumnType("t", "c", ColumnType.INTEGER, ColumnType.BIGINT).canLoseData()).isFalse();
        assertThat(new AlterColumnType("t", "c", ColumnType.BIGINT, ColumnType.INTEGER).canLoseData()).isTrue();
        assertThat(new AlterColumnType("t", "c", ColumnType.varchar(20), ColumnType.TEXT).canLoseData()).isFalse();
        assertThat(new AlterColumnType("t", "c", ColumnType.TEXT, ColumnType.varchar(255)).canLoseData()).isTrue();
        assertThat(new AlterColumnType("t", "c", ColumnType.numeric(10, 2), ColumnType.numeric(12, 2)).canLoseData()).isFalse();
        assertThat(new AlterColumnType("t", "c", ColumnType.numeric(12, 2), ColumnType.numeric(12, 0)).canLoseData()).isTrue();
    }

    @Test
    void sequencesAreCreatedAlteredAndDropped() {
        Schema have = Schema.of(List.of(), List.of(new Sequence("a", 1, 1), new Sequence("b", 1, 50)));
        Schema want = Schema.of(List.of(), List.of(new Sequence("a", 1, 50), new Sequence("c", 1, 50)));
        assertThat(SchemaDiff.between(have, want).changes()).containsExactly(
                new AlterSequence(new Sequence("a", 1, 1), new Sequence("a", 1, 50)),
                new CreateSequence(new Sequence("c", 1, 50)),
                new DropSequence(new Sequence("b", 1, 50)));
    }
}
