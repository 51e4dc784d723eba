package io.migratewatch.source;

import io.migratewatch.schema.Column;
import io.migratewatch.schema.ColumnType;
import io.migratewatch.schema.Index;
import io.migratewatch.schema.IndexColumn;
import io.migratewatch.schema.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daemon re-derives the model after every save from an index of every entity file, parsed once.
 * Over 1,000 entities in ten packages (a generic mapped superclass, a length constant from another file,
 * a reference to an entity of the next package), each one-file update must change exactly that entity's
 * table and end with the model a full scan of the same files gives. How long an update takes is measured
 * by {@link ModelUpdateBenchmark}, which times this same project; no test asserts a duration.
 */
class ModelAtScaleTest {

    static final int ENTITIES = 1000;

    @TempDir
    Path dir;

    /** Entity {@code i} of {@code entities}, in package {@code app.e<i/100>}, referencing entity {@code i+1} (wrapping). */
    static String entity(int i, int entities, String extra) {
        int target = (i + 1) % entities;
        return """
                package app.e%d;
                import jakarta.persistence.*;
                import app.base.BaseEntity;
                import app.base.Limits;
                import app.e%d.Entity%d;
                @Entity
                @Table(indexes = @Index(columnList = "name, createdOn desc"))
                public class Entity%d extends BaseEntity<Long> {
                    public enum Kind { A, B, C }
                    @Column(length = Limits.NAME, nullable = false) private String name;
                    @Enumerated(EnumType.STRING) private Kind kind;
                    private java.math.BigDecimal amount;
                    private java.time.LocalDate createdOn;
                    @ManyToOne(optional = false) private Entity%d next;
                    private int counter;
                %s
                }
                """.formatted(i / 100, target / 100, target, i, target, extra);
    }

    static Path entityFile(int i) {
        return Path.of("app/e" + (i / 100) + "/Entity" + i + ".java");
    }

    /** Writes the shared base classes and {@code entities} entities; returns the entity files, by number. */
    static Path[] writeProject(Sources s, int entities) {
        s.write("""
                package app.base;
                public final class Limits { public static final int NAME = 80; }
                """);
        s.write("""
                package app.base;
                import jakarta.persistence.*;
                @MappedSuperclass
                public abstract class BaseEntity<ID> {
                    @Id @GeneratedValue private ID id;
                    @Version private Long version;
                }
                """);
        Path[] files = new Path[entities];
        for (int i = 0; i < entities; i++) {
            files[i] = s.write(entityFile(i).toString(), entity(i, entities, ""));
        }
        return files;
    }

    @Test
    void aFullScanMapsEveryOneOfAThousandEntities() {
        Sources s = new Sources(dir);
        writeProject(s, ENTITIES);

        ParsedModel model = s.scan().model();

        assertThat(model.warnings()).isEmpty();
        assertThat(model.schema().tables()).hasSize(ENTITIES);
        for (int i : new int[] {0, 99, 100, 537, ENTITIES - 1}) {
            int target = (i + 1) % ENTITIES;
            Table t = Sources.table(model, "entity" + i);
            assertThat(t.columnsByName().keySet()).as("entity%d", i)
                    .containsExactlyInAnyOrder("id", "version", "name", "kind", "amount", "created_on", "next_id", "counter");
            assertThat(t.column("id").orElseThrow().type()).as("the superclass's ID type argument").isEqualTo(ColumnType.BIGINT);
            assertThat(t.primaryKey().columns()).containsExactly("id");
            assertThat(t.column("name").orElseThrow()).as("the length constant of another file")
                    .isEqualTo(Column.of("name", ColumnType.varchar(80), false));
            assertThat(t.column("counter").orElseThrow().nullable()).isFalse();
            assertThat(t.column("next_id").orElseThrow()).isEqualTo(Column.of("next_id", ColumnType.BIGINT, false));
            assertThat(t.foreignKeys()).singleElement().satisfies(fk -> {
                assertThat(fk.columns()).containsExactly("next_id");
                assertThat(fk.referencedTable()).as("the entity of the next package").isEqualTo("entity" + target);
                assertThat(fk.referencedColumns()).containsExactly("id");
            });
            assertThat(t.indexes()).extracting(Index::columns)
                    .containsExactly(List.of(IndexColumn.of("name"), IndexColumn.descending("created_on")));
        }
    }

    @Test
    void eachOneFileUpdateChangesExactlyThatTableAndEndsWhereAFullScanDoes() {
        Sources s = new Sources(dir);
        Path[] files = writeProject(s, ENTITIES);
        SourceIndex index = s.scan();
        ParsedModel previous = index.model();
        assertThat(previous.schema().tables()).hasSize(ENTITIES);

        for (int round = 0; round < 15; round++) {
            int i = (round * 37) % ENTITIES;
            String table = "entity" + i;
            s.write(entityFile(i).toString(), entity(i, ENTITIES, "    private String extra" + round + ";"));

            index.update(files[i]);
            ParsedModel m = index.model();

            assertThat(m.warnings()).isEmpty();
            Table changed = Sources.table(m, table);
            Column added = changed.column("extra" + round).orElseThrow(() -> new AssertionError(
                    "the re-parse of " + files[i] + " did not add extra; columns " + Sources.table(m, table).columnsByName().keySet()));
            assertThat(added).isEqualTo(Column.of("extra" + round, ColumnType.varchar(255), true));
            assertThat(changed.withColumns(changed.columns().stream().filter(c -> c != added).toList()))
                    .as("%s is the same apart from the new column", table).isEqualTo(Sources.table(previous, table));
            assertThat(others(m, table)).as("every other table is untouched by the update of %s", table)
                    .isEqualTo(others(previous, table));
            assertThat(m.schema().sequences()).isEqualTo(previous.schema().sequences());
            previous = m;
        }

        // a second edit of one file replaces what its first edit added
        s.write(entityFile(0).toString(), entity(0, ENTITIES, "    private String other;"));
        index.update(files[0]);
        assertThat(Sources.table(index.model(), "entity0").columnsByName()).containsKey("other").doesNotContainKey("extra0");

        ParsedModel fresh = s.scan().model();
        assertThat(index.model().schema()).as("the updated index and a full scan of the same files").isEqualTo(fresh.schema());
        assertThat(index.model().warnings()).isEqualTo(fresh.warnings());
    }

    private static Map<String, Table> others(ParsedModel model, String table) {
        Map<String, Table> tables = new TreeMap<>(model.schema().tables());
        tables.remove(table);
        return tables;
    }
}
