package io.migratewatch.source;

import io.migratewatch.schema.Column;
import io.migratewatch.schema.ColumnType;
import io.migratewatch.schema.Identity;
import io.migratewatch.schema.Sequence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.migratewatch.source.Sources.column;
import static io.migratewatch.source.Sources.table;
import static org.assertj.core.api.Assertions.assertThat;

/** docs/mapping.md "Identifiers and generators". */
class IdentifierMappingTest {

    @TempDir
    Path dir;

    private ParsedModel model(String entityName, String idDeclaration, MappingOptions options) {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                import jakarta.persistence.*;
                import java.util.UUID;
                @Entity
                public class %s {
                %s
                    private String name;
                }
                """.formatted(entityName, idDeclaration));
        ParsedModel m = s.model(options);
        assertThat(m.warnings()).isEmpty();
        return m;
    }

    @Test
    void identityIsGeneratedByDefaultAndNotNull() {
        ParsedModel m = model("Invoice", "    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;",
                Sources.SPRING_7);
        Column id = column(m, "invoice", "id");
        assertThat(id.type()).isEqualTo(ColumnType.BIGINT);
        assertThat(id.identity()).isEqualTo(Identity.BY_DEFAULT);
        assertThat(id.nullable()).isFalse();
        assertThat(id.defaultValue()).isNull();
        assertThat(m.schema().sequences()).isEmpty();
        assertThat(table(m, "invoice").primaryKey().columns()).containsExactly("id");
    }

    @Test
    void sequenceStrategyWithoutGeneratorUsesTableSeqWithIncrement50() {
        ParsedModel m = model("OrderLine", "    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) private Long id;",
                Sources.SPRING_7);
        assertThat(m.schema().sequences()).containsOnlyKeys("order_line_seq");
        assertThat(m.schema().sequences().get("order_line_seq")).isEqualTo(new Sequence("order_line_seq", 1, 50));
        Column id = column(m, "order_line", "id");
        assertThat(id.identity()).isEqualTo(Identity.NONE);
        assertThat(id.nullable()).isFalse();
        assertThat(id.defaultValue()).isNull();
    }

    @Test
    void autoStrategyIsASequenceToo() {
        ParsedModel m = model("Invoice", "    @Id @GeneratedValue private Long id;", Sources.SPRING_7);
        assertThat(m.schema().sequences().values()).containsExactly(new Sequence("invoice_seq", 1, 50));
    }

    @Test
    void hibernateNamingKeepsTheEntityNameForTheSequence() {
        ParsedModel m = model("OrderLine", "    @Id @GeneratedValue private Long id;", Sources.HIBERNATE_7);
        assertThat(m.schema().tables()).containsOnlyKeys("orderline");
        assertThat(m.schema().sequences().values()).containsExactly(new Sequence("orderline_seq", 1, 50));
    }

    @Test
    void sequenceGeneratorGivesNameIncrementAndStart() {
        ParsedModel m = model("Invoice", """
                    @Id
                    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "inv")
                    @SequenceGenerator(name = "inv", sequenceName = "invoice_numbers", allocationSize = 1, initialValue = 1000)
                    private Long id;
                """, Sources.SPRING_7);
        assertThat(m.schema().sequences().values()).containsExactly(new Sequence("invoice_numbers", 1000, 1));
    }

    @Test
    void sequenceGeneratorWithoutSequenceNameIsNamedAfterTheGeneratorOn6And7() {
        // Hibernate 6.6.56 and 7.4: create sequence invoice_gen start with 1 increment by 20
        String id = """
                    @Id
                    @GeneratedValue(generator = "invoiceGen")
                    @SequenceGenerator(name = "invoiceGen", allocationSize = 20)
                    private Long id;
                """;
        assertThat(model("Invoice", id, Sources.SPRING_7).schema().sequences().values())
                .containsExactly(new Sequence("invoice_gen", 1, 20));
        assertThat(model("Invoice", id, Sources.SPRING_6).schema().sequences().values())
                .containsExactly(new Sequence("invoice_gen", 1, 20));
    }

    @Test
    void sequenceGeneratorOnTheClassIsFoundByName() {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                @SequenceGenerator(name = "g", sequenceName = "shared_seq", allocationSize = 10)
                public class Invoice {
                    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "g") private Long id;
                }
                """);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                public class Receipt {
                    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "g") private Long id;
                }
                """);
        ParsedModel m = s.model();
        // a generator is global to the persistence unit: Receipt uses the one declared on Invoice
        assertThat(m.schema().sequences().values()).containsExactly(new Sequence("shared_seq", 1, 10));
    }

    @Test
    void undeclaredGeneratorNameIsTheSequenceName() {
        ParsedModel m = model("Invoice", "    @Id @GeneratedValue(generator = \"legacy_ids\") private Long id;",
                Sources.SPRING_7);
        assertThat(m.schema().sequences().values()).containsExactly(new Sequence("legacy_ids", 1, 50));
    }

    @Test
    void uuidStrategyIsUuidNotNullWithoutDefaultOrSequence() {
        ParsedModel m = model("Token", "    @Id @GeneratedValue(strategy = GenerationType.UUID) private UUID id;",
                Sources.SPRING_7);
        Column id = column(m, "token", "id");
        assertThat(id.type()).isEqualTo(ColumnType.UUID);
        assertThat(id.nullable()).isFalse();
        assertThat(id.defaultValue()).isNull();
        assertThat(m.schema().sequences()).isEmpty();
    }

    @Test
    void generatedValueOnAUuidIdIsUuidGeneration() {
        ParsedModel m = model("Token", "    @Id @GeneratedValue private UUID id;", Sources.SPRING_7);
        assertThat(column(m, "token", "id").type()).isEqualTo(ColumnType.UUID);
        assertThat(m.schema().sequences()).isEmpty();
    }

    @Test
    void assignedIdHasNoGeneration() {
        ParsedModel m = model("Country", "    @Id @Column(length = 2) private String code;", Sources.SPRING_7);
        Column id = column(m, "country", "code");
        assertThat(id.type().sql()).isEqualTo("varchar(2)");
        assertThat(id.nullable()).isFalse();
        assertThat(table(m, "country").primaryKey().columns()).containsExactly("code");
        assertThat(m.schema().sequences()).isEmpty();
    }
}
