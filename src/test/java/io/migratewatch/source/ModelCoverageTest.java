package io.migratewatch.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A model that cannot be mapped in full never breaks the rest, and is never hidden: the entities left
 * out are counted and named with their reasons, next to the number of entities mapped.
 */
class ModelCoverageTest {

    @TempDir
    Path dir;

    @Test
    void leftOutEntitiesAreCountedWithTheirReasons() {
        Sources s = new Sources(dir);
        s.write("""
                package shop;
                import jakarta.persistence.*;
                @Entity
                public class Customer {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                    private String name;
                }
                """);
        s.write("""
                package shop;
                import jakarta.persistence.*;
                @Entity
                @SecondaryTable(name = "order_line_details")
                public class OrderLine {
                    @Id private Long id;
                    private Integer position;
                }
                """);

        ParsedModel model = s.model();

        assertThat(model.schema().tables().keySet()).containsExactly("customer");
        assertThat(model.complete()).isFalse();
        assertThat(model.mappedEntities()).isEqualTo(1);
        assertThat(model.leftOut()).singleElement().satisfies(e -> {
            assertThat(e.entity()).isEqualTo("shop.OrderLine");
            assertThat(e.table()).isEqualTo("order_line");
            assertThat(e.reasons()).isNotEmpty().allSatisfy(r -> assertThat(r.format()).startsWith("OrderLine.java:4:"));
        });
        assertThat(model.warnings()).anySatisfy(w -> assertThat(w.format())
                .startsWith("OrderLine.java:4:1: @SecondaryTable is not supported yet: table order_line is left out of migrations"));
    }

    @Test
    void aModelWithEverythingMappedIsComplete() {
        Sources s = new Sources(dir);
        s.write("""
                package shop;
                import jakarta.persistence.*;
                @Entity
                public class Customer {
                    @Id private Long id;
                }
                """);

        ParsedModel model = s.model();

        assertThat(model.complete()).isTrue();
        assertThat(model.mappedEntities()).isEqualTo(1);
        assertThat(model.leftOut()).isEmpty();
    }
}
