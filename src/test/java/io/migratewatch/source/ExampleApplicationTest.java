package io.migratewatch.source;

import io.migratewatch.schema.Column;
import io.migratewatch.schema.ColumnType;
import io.migratewatch.schema.ForeignKey;
import io.migratewatch.schema.Identity;
import io.migratewatch.schema.ReferentialAction;
import io.migratewatch.schema.Sequence;
import io.migratewatch.schema.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.migratewatch.source.Sources.column;
import static io.migratewatch.source.Sources.table;
import static org.assertj.core.api.Assertions.assertThat;

/** The example shop that the default watcher.conf watches: it must map whole, with Spring naming. */
class ExampleApplicationTest {

    static final Path EXAMPLES = Path.of("examples/src/main/java");
    static ParsedModel model;

    @BeforeAll
    static void parse() {
        assertThat(Files.isDirectory(EXAMPLES)).as("run from the project folder").isTrue();
        model = SourceIndex.scan(List.of(EXAMPLES), MappingOptions.DEFAULT).model();
    }

    @Test
    void mapsEveryEntityWithoutWarnings() {
        assertThat(model.warnings()).isEmpty();
        assertThat(model.unmanagedTables()).isEmpty();
        assertThat(model.schema().tables()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(model.schema().tables()).containsOnlyKeys("category", "customer", "customer_address", "order_line",
                "payment", "product", "purchase_order", "review", "shipment", "user");
        assertThat(model.renames().tables()).isEmpty();
    }

    @Test
    void sequencesOfTheSequenceGeneratedEntities() {
        assertThat(model.schema().sequences().values()).containsExactlyInAnyOrder(
                new Sequence("customer_seq", 1, 50),
                new Sequence("product_seq", 1, 50),
                new Sequence("shipment_seq", 1, 50),
                new Sequence("purchase_order_id_seq", 1, 20));
    }

    @Test
    void genericBaseEntityAndAuditing() {
        Table customer = table(model, "customer");
        assertThat(customer.columnsByName().keySet()).startsWith("created_at", "updated_at", "version", "id");
        assertThat(column(model, "customer", "id").type()).isEqualTo(ColumnType.BIGINT);
        assertThat(column(model, "customer", "created_at").nullable()).isFalse();
        assertThat(column(model, "customer", "version").nullable()).isFalse();
        assertThat(column(model, "customer", "email").type().sql()).isEqualTo("varchar(254)");
        assertThat(column(model, "customer", "first_name").type().sql()).isEqualTo("varchar(120)");
        assertThat(column(model, "customer", "loyalty_tier").type()).isEqualTo(ColumnType.SMALLINT);
        assertThat(customer.checks()).extracting(c -> c.expression()).containsExactlyInAnyOrder(
                "\"status\" in ('ACTIVE','SUSPENDED','CLOSED')", "\"loyalty_tier\" between 0 and 3");
        assertThat(customer.indexes().get(0).name()).isEqualTo("idx_customer_last_name");
    }

    @Test
    void quotedKeywordNamesAndIds() {
        Column userId = column(model, "user", "id");
        assertThat(userId.type()).isEqualTo(ColumnType.UUID);
        assertThat(column(model, "category", "order").type()).isEqualTo(ColumnType.INTEGER);
        assertThat(column(model, "category", "id").identity()).isEqualTo(Identity.BY_DEFAULT);
        assertThat(column(model, "user", "password_hash").nullable()).isFalse();
    }

    @Test
    void productTypes() {
        assertThat(column(model, "product", "price").type().sql()).isEqualTo("numeric(12,2)");
        assertThat(column(model, "product", "weight_kg").type().sql()).isEqualTo("numeric(8,3)");
        assertThat(column(model, "product", "attributes").type().sql()).isEqualTo("jsonb");
        assertThat(column(model, "product", "tags").type().sql()).isEqualTo("varchar(255)[]");
        assertThat(column(model, "product", "thumbnail").type().sql()).isEqualTo("oid");
        assertThat(column(model, "product", "description").type()).isEqualTo(ColumnType.TEXT);
        assertThat(column(model, "product", "status").defaultValue()).isEqualTo("'DRAFT'");
    }

    @Test
    void associations() {
        assertThat(table(model, "purchase_order").foreignKeys()).containsExactly(new ForeignKey(
                "fk_purchase_order_customer", List.of("customer_id"), "customer", List.of("id"), ReferentialAction.NO_ACTION));
        ForeignKey lineToOrder = table(model, "order_line").foreignKeys().stream()
                .filter(f -> f.referencedTable().equals("purchase_order")).findFirst().orElseThrow();
        assertThat(lineToOrder.onDelete()).isEqualTo(ReferentialAction.CASCADE);
        assertThat(column(model, "payment", "order_id").nullable()).isFalse();
        assertThat(table(model, "payment").uniques()).extracting(u -> u.columns()).contains(List.of("order_id"));
        assertThat(column(model, "category", "parent_id").type()).isEqualTo(ColumnType.INTEGER);
    }
}
