package io.migratewatch.source;

import io.migratewatch.schema.Index;
import io.migratewatch.schema.IndexColumn;
import io.migratewatch.schema.Table;
import io.migratewatch.schema.UniqueConstraint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.migratewatch.source.Sources.table;
import static org.assertj.core.api.Assertions.assertThat;

/** @Table(uniqueConstraints, indexes). */
class TableConstraintsTest {

    @TempDir
    Path dir;

    @Test
    void indexesAndUniqueConstraints() {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                import jakarta.persistence.*;
                import java.time.Instant;
                @Entity
                @Table(uniqueConstraints = {
                           @UniqueConstraint(name = "uk_line_sku_order", columnNames = {"sku", "orderNo"}),
                           @UniqueConstraint(columnNames = "ext_ref")
                       },
                       indexes = {
                           @Index(name = "idx_line_created", columnList = "createdAt desc, sku"),
                           @Index(columnList = "sku, created_at"),
                           @Index(name = "UX_Line_Ref", columnList = "orderNo", unique = true)
                       })
                public class OrderLine {
                    @Id private Long id;
                    private String sku;
                    private Integer orderNo;
                    private String extRef;
                    private Instant createdAt;
                }
                """);
        Table t = table(s.model(), "order_line");
        // a unique @Index is a unique constraint in Hibernate 7: "constraint UX_Line_Ref unique (orderNo)"
        assertThat(t.uniques()).containsExactlyInAnyOrder(
                new UniqueConstraint("uk_line_sku_order", List.of("sku", "order_no")),
                new UniqueConstraint(null, List.of("ext_ref")),
                new UniqueConstraint("ux_line_ref", List.of("order_no")));
        assertThat(t.uniques()).extracting(UniqueConstraint::name)
                .containsExactlyInAnyOrder("uk_line_sku_order", "order_line_ext_ref_key", "ux_line_ref");
        assertThat(t.indexes()).containsExactlyInAnyOrder(
                new Index("idx_line_created", List.of(IndexColumn.descending("created_at"), IndexColumn.of("sku")), false, null),
                new Index(null, List.of(IndexColumn.of("sku"), IndexColumn.of("created_at")), false, null));
        // the unnamed index gets Hibernate's name: "IDX" + base 35 of MD5("table`order_line`column`created_at`column`sku`")
        assertThat(t.indexes()).extracting(Index::name)
                .containsExactlyInAnyOrder("idx_line_created", "idxpqb1nbg4e2sfq1vk31wf1ty6h");
    }

    @Test
    void unknownColumnInAnIndexIsAnErrorAtTheIndex() {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                @Table(indexes = @Index(columnList = "nope"))
                public class Thing {
                    @Id private Long id;
                }
                """);
        SourceException e = org.junit.jupiter.api.Assertions.assertThrows(SourceException.class, () -> s.model());
        assertThat(e.getMessage()).isEqualTo("Thing.java:4:18: column \"nope\" is not a column of table thing (its columns are id)");
    }
}
