package io.migratewatch.source;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expected values computed by hand from docs/mapping.md's rule (MD5 of the description, as an unsigned
 * number, written in base 35 with digits 0-9a-y), independently of this code.
 */
class HibernateNamesTest {

    @Test
    void foreignKeyName() {
        // MD5("table`order_line`references`purchase_order`column`order_id`") in base 35
        assertThat(HibernateNames.foreignKey(new PhysicalName("order_line", false), new PhysicalName("purchase_order", false),
                List.of(new PhysicalName("order_id", false)))).isEqualTo("fk7yrmqn07gn80k15tfs34428x6");
        // case is preserved in the hash input, and the result is lower-cased as PostgreSQL stores it
        assertThat(HibernateNames.foreignKey(new PhysicalName("OrderLine", false), new PhysicalName("PurchaseOrder", false),
                List.of(new PhysicalName("order_id", false)))).isEqualTo("fknkhdxbva771s44msefh6mx5u");
    }

    @Test
    void indexNameSortsColumns() {
        // MD5("table`order_line`column`created_at`column`sku`")
        String expected = "idxpqb1nbg4e2sfq1vk31wf1ty6h";
        PhysicalName table = new PhysicalName("order_line", false);
        assertThat(HibernateNames.index(table, List.of(new PhysicalName("sku", false), new PhysicalName("created_at", false))))
                .isEqualTo(expected);
        assertThat(HibernateNames.index(table, List.of(new PhysicalName("created_at", false), new PhysicalName("sku", false))))
                .isEqualTo(expected);
    }

    @Test
    void base35Md5() {
        // MD5("") = d41d8cd98f00b204e9800998ecf8427e
        assertThat(HibernateNames.hash("")).isEqualTo(new java.math.BigInteger("d41d8cd98f00b204e9800998ecf8427e", 16).toString(35));
    }

    @Test
    void quotedNamesRenderWithBackticks() {
        PhysicalName quoted = PhysicalName.parse("\"Order\"");
        assertThat(quoted.quoted()).isTrue();
        assertThat(quoted.emitted()).isEqualTo("Order");
        assertThat(quoted.hibernate()).isEqualTo("`Order`");
        assertThat(PhysicalName.parse("`Order`")).isEqualTo(quoted);
        assertThat(PhysicalName.parse("Order").emitted()).isEqualTo("order");
    }
}
