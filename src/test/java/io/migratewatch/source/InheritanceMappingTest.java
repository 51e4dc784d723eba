package io.migratewatch.source;

import io.migratewatch.schema.CheckConstraint;
import io.migratewatch.schema.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.migratewatch.source.Sources.column;
import static io.migratewatch.source.Sources.table;
import static org.assertj.core.api.Assertions.assertThat;

/** Single-table and joined inheritance, as Hibernate 7 creates them (the fidelity test's {@code zoo} set checks it against Hibernate). */
class InheritanceMappingTest {

    @TempDir
    Path dir;

    @Test
    void aSingleTableHoldsEverySubclassesColumnsAndADiscriminator() {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                public class Animal { @Id @GeneratedValue private Long id; private int legs; }
                """);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity @DiscriminatorValue("DOG")
                public class Dog extends Animal { private boolean trained; }
                """);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                public class Cat extends Animal { @Column(nullable = false) private Integer lives; }
                """);
        ParsedModel m = s.model();

        assertThat(m.schema().tables()).containsOnlyKeys("animal");
        Table animal = table(m, "animal");
        assertThat(animal.columnsByName().keySet()).containsExactlyInAnyOrder("id", "legs", "trained", "lives", "dtype");
        assertThat(column(m, "animal", "dtype").type().sql()).isEqualTo("varchar(31)");
        assertThat(column(m, "animal", "trained").nullable()).as("a subclass's primitive may be NULL in other rows").isTrue();
        assertThat(column(m, "animal", "lives").nullable()).as("an explicit nullable = false stays, as Hibernate keeps it").isFalse();
        assertThat(animal.checks()).containsExactlyInAnyOrder(
                new CheckConstraint("animal_dtype_check", "\"dtype\" in ('Animal','Cat','DOG')"),
                new CheckConstraint("animal_check", "\"dtype\" <> 'DOG' or (\"trained\" is not null)"));
        assertThat(m.schema().sequences()).containsOnlyKeys("animal_seq");
    }

    @Test
    void aJoinedSubclassHasItsOwnTableKeyedByItsParents() {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity @Inheritance(strategy = InheritanceType.JOINED)
                public abstract class Payment { @Id @GeneratedValue private Long id; private java.math.BigDecimal amount; }
                """);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity @PrimaryKeyJoinColumn(name = "payment_id")
                public class Transfer extends Payment { private String iban; }
                """);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                public class Refund { @Id private Long id; @ManyToOne private Transfer transfer; }
                """);
        ParsedModel m = s.model();

        assertThat(table(m, "payment").columnsByName().keySet()).containsExactlyInAnyOrder("id", "amount");
        Table transfer = table(m, "transfer");
        assertThat(transfer.columnsByName().keySet()).containsExactlyInAnyOrder("payment_id", "iban");
        assertThat(transfer.primaryKey().columns()).containsExactly("payment_id");
        assertThat(transfer.foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.referencedTable()).isEqualTo("payment");
            assertThat(fk.referencedColumns()).containsExactly("id");
        });
        assertThat(table(m, "refund").foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.referencedTable()).as("a joined subclass is referenced in its own table").isEqualTo("transfer");
            assertThat(fk.referencedColumns()).containsExactly("payment_id");
        });
    }

    @Test
    void tablePerClassGivesEachConcreteClassEveryColumnAndTheRootsSequence() {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
                public abstract class Ticket { @Id @GeneratedValue private Long id; private java.time.LocalDate validOn; }
                """);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                public class DayTicket extends Ticket { private boolean withGuide; }
                """);
        ParsedModel m = s.model();

        assertThat(m.schema().tables()).as("an abstract class has no table").containsOnlyKeys("day_ticket");
        assertThat(table(m, "day_ticket").columnsByName().keySet()).containsExactlyInAnyOrder("id", "valid_on", "with_guide");
        assertThat(table(m, "day_ticket").primaryKey().columns()).containsExactly("id");
        assertThat(m.schema().sequences()).containsOnlyKeys("ticket_seq");
    }
}
