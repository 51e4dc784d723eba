package io.migratewatch.source;

import io.migratewatch.schema.Column;
import io.migratewatch.schema.ColumnType;
import io.migratewatch.schema.ForeignKey;
import io.migratewatch.schema.Identity;
import io.migratewatch.schema.ReferentialAction;
import io.migratewatch.schema.Table;
import io.migratewatch.schema.UniqueConstraint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.migratewatch.source.Sources.column;
import static io.migratewatch.source.Sources.table;
import static org.assertj.core.api.Assertions.assertThat;

/** docs/mapping.md "Associations" for the owning side of to-one associations. */
class AssociationMappingTest {

    @TempDir
    Path dir;
    Sources sources;

    @BeforeEach
    void targets() {
        sources = new Sources(dir);
        sources.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                public class PurchaseOrder {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                    @Column(unique = true, length = 20) private String number;
                    @OneToMany(mappedBy = "order") private java.util.List<OrderLine> lines;
                    @OneToOne(mappedBy = "order") private Shipment shipment;
                }
                """);
        sources.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                public class Shipment {
                    @Id private java.util.UUID id;
                    @OneToOne(optional = false) private PurchaseOrder order;
                }
                """);
    }

    private ParsedModel withLine(String fields, MappingOptions options) {
        sources.write("""
                package app;
                import jakarta.persistence.*;
                import org.hibernate.annotations.OnDelete;
                import org.hibernate.annotations.OnDeleteAction;
                @Entity
                public class OrderLine {
                    @Id @GeneratedValue private Long id;
                %s
                }
                """.formatted(fields));
        ParsedModel m = sources.model(options);
        assertThat(m.warnings()).isEmpty();
        return m;
    }

    @Test
    void manyToOneIsANullableColumnOfTheTargetIdTypeWithAHashedForeignKey() {
        ParsedModel m = withLine("    @ManyToOne private PurchaseOrder order;", Sources.SPRING_7);
        Column c = column(m, "order_line", "order_id");
        assertThat(c.type()).isEqualTo(ColumnType.BIGINT);
        assertThat(c.identity()).isEqualTo(Identity.NONE);
        assertThat(c.nullable()).isTrue();
        // FK name by hand: "FK" + base 35 of MD5("table`order_line`references`purchase_order`column`order_id`")
        assertThat(table(m, "order_line").foreignKeys()).containsExactly(new ForeignKey("fk7yrmqn07gn80k15tfs34428x6",
                List.of("order_id"), "purchase_order", List.of("id"), ReferentialAction.NO_ACTION));
        assertThat(table(m, "order_line").foreignKeys().get(0).name()).isEqualTo("fk7yrmqn07gn80k15tfs34428x6");
    }

    @Test
    void hibernateNamingHashesTheCasePreservedTableNames() {
        ParsedModel m = withLine("    @ManyToOne private PurchaseOrder order;", Sources.HIBERNATE_7);
        ForeignKey fk = table(m, "orderline").foreignKeys().get(0);
        // MD5("table`OrderLine`references`PurchaseOrder`column`order_id`"), base 35, lower-cased
        assertThat(fk.name()).isEqualTo("fknkhdxbva771s44msefh6mx5u");
        assertThat(fk.referencedTable()).isEqualTo("purchaseorder");
    }

    @Test
    void optionalFalseAndJoinColumnNullableFalseAreNotNull() {
        ParsedModel m = withLine("""
                    @ManyToOne(optional = false) private PurchaseOrder order;
                    @ManyToOne @JoinColumn(name = "previous_order", nullable = false) private PurchaseOrder previous;
                """, Sources.SPRING_7);
        assertThat(column(m, "order_line", "order_id").nullable()).isFalse();
        assertThat(column(m, "order_line", "previous_order").nullable()).isFalse();
    }

    @Test
    void joinColumnNamesForeignKeyNameAndReferencedColumn() {
        ParsedModel m = withLine("""
                    @ManyToOne
                    @JoinColumn(name = "orderNumber", referencedColumnName = "number",
                                foreignKey = @ForeignKey(name = "FK_Line_Order"))
                    private PurchaseOrder order;
                """, Sources.SPRING_7);
        Column c = column(m, "order_line", "order_number");
        assertThat(c.type().sql()).isEqualTo("varchar(20)");
        assertThat(table(m, "order_line").foreignKeys()).containsExactly(new ForeignKey("fk_line_order",
                List.of("order_number"), "purchase_order", List.of("number"), ReferentialAction.NO_ACTION));
    }

    @Test
    void noConstraintForeignKeyIsLeftOut() {
        ParsedModel m = withLine("""
                    @ManyToOne @JoinColumn(foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT))
                    private PurchaseOrder order;
                """, Sources.SPRING_7);
        assertThat(column(m, "order_line", "order_id").type()).isEqualTo(ColumnType.BIGINT);
        assertThat(table(m, "order_line").foreignKeys()).isEmpty();
    }

    @Test
    void onDeleteCascade() {
        ParsedModel m = withLine("""
                    @ManyToOne @OnDelete(action = OnDeleteAction.CASCADE) private PurchaseOrder order;
                """, Sources.SPRING_7);
        assertThat(table(m, "order_line").foreignKeys().get(0).onDelete()).isEqualTo(ReferentialAction.CASCADE);
    }

    @Test
    void oneToOneAddsAUniqueConstraintAndMappedBySidesProduceNothing() {
        ParsedModel m = withLine("", Sources.SPRING_7);
        Table shipment = table(m, "shipment");
        Column order = column(m, "shipment", "order_id");
        assertThat(order.nullable()).isFalse();
        assertThat(order.type()).isEqualTo(ColumnType.BIGINT);
        assertThat(shipment.uniques()).containsExactly(new UniqueConstraint(null, List.of("order_id")));
        assertThat(shipment.foreignKeys()).extracting(ForeignKey::referencedTable).containsExactly("purchase_order");
        // PurchaseOrder's @OneToMany(mappedBy) and @OneToOne(mappedBy) add no columns
        assertThat(table(m, "purchase_order").columnsByName().keySet()).containsExactly("id", "number");
    }

    @Test
    void targetWithAUuidIdGivesAUuidJoinColumn() {
        ParsedModel m = withLine("    @ManyToOne private Shipment shipment;", Sources.SPRING_7);
        assertThat(column(m, "order_line", "shipment_id").type()).isEqualTo(ColumnType.UUID);
    }

    @Test
    void selfReferenceAndImplicitNameFromACamelCaseAttribute() {
        ParsedModel m = withLine("    @ManyToOne private OrderLine parentLine;", Sources.SPRING_7);
        assertThat(column(m, "order_line", "parent_line_id").type()).isEqualTo(ColumnType.BIGINT);
        assertThat(table(m, "order_line").foreignKeys().get(0).referencedTable()).isEqualTo("order_line");
    }

    @Test
    void targetEntityOverridesTheFieldType() {
        ParsedModel m = withLine("    @ManyToOne(targetEntity = PurchaseOrder.class) private Object order;", Sources.SPRING_7);
        assertThat(column(m, "order_line", "order_id").type()).isEqualTo(ColumnType.BIGINT);
    }
}
