package io.migratewatch.source;

import io.migratewatch.schema.ColumnType;
import io.migratewatch.schema.Sequence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.migratewatch.source.Sources.column;
import static io.migratewatch.source.Sources.table;
import static org.assertj.core.api.Assertions.assertThat;

/** Hibernate Envers' audit tables, made only for Envers' own annotations (the fidelity test compares them with Envers'). */
class AuditTablesTest {

    @TempDir
    Path dir;

    @Test
    void anAuditedEntityGetsItsAuditTableAndTheDefaultRevisionTable() {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                import jakarta.persistence.*;
                import org.hibernate.envers.Audited;
                import org.hibernate.envers.NotAudited;
                @Entity
                @Audited
                public class Invoice {
                    @Id @GeneratedValue private Long id;
                    @Column(nullable = false, unique = true) private String number;
                    @NotAudited private String note;
                }
                """);
        ParsedModel m = s.model();
        assertThat(m.schema().tables()).containsOnlyKeys("invoice", "invoice_aud", "revinfo");
        assertThat(table(m, "invoice_aud").columnsByName().keySet()).containsExactlyInAnyOrder("rev", "revtype", "id", "number");
        assertThat(column(m, "invoice_aud", "number").nullable()).isTrue();
        assertThat(column(m, "invoice_aud", "rev").type()).isEqualTo(ColumnType.INTEGER);
        assertThat(column(m, "invoice_aud", "revtype").type()).isEqualTo(ColumnType.SMALLINT);
        assertThat(table(m, "invoice_aud").primaryKey().columns()).containsExactly("rev", "id");
        assertThat(table(m, "invoice_aud").uniques()).isEmpty();
        assertThat(table(m, "invoice_aud").foreignKeys()).singleElement()
                .satisfies(fk -> assertThat(fk.referencedTable()).isEqualTo("revinfo"));
        assertThat(m.schema().sequences().values()).contains(new Sequence("revinfo_seq", 1, 50));
        assertThat(m.warnings()).isEmpty();
    }

    @Test
    void anAuditedAnnotationOfAnotherPackageMakesNoAuditTable() {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                public @interface Audited {
                }
                """);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                @Audited
                public class Invoice {
                    @Id @GeneratedValue private Long id;
                }
                """);
        assertThat(s.model().schema().tables()).containsOnlyKeys("invoice");
    }
}
