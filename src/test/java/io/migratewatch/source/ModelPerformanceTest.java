package io.migratewatch.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daemon re-derives the model after every save: with 1,000 entities parsed, one file's update
 * plus model() must stay well under 50 ms.
 */
class ModelPerformanceTest {

    private static final int ENTITIES = 1000;

    @TempDir
    Path dir;

    private String entity(int i, String extra) {
        int target = (i + 1) % ENTITIES;
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

    @Test
    void updateAndModelOverAThousandEntitiesIsFast() {
        Sources s = new Sources(dir);
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
        Path[] files = new Path[ENTITIES];
        for (int i = 0; i < ENTITIES; i++) {
            files[i] = s.write("app/e" + (i / 100) + "/Entity" + i + ".java", entity(i, ""));
        }
        long t0 = System.nanoTime();
        SourceIndex index = s.scan();
        long t1 = System.nanoTime();
        ParsedModel first = index.model();
        long t2 = System.nanoTime();
        assertThat(first.schema().tables()).hasSize(ENTITIES);
        assertThat(first.warnings()).isEmpty();

        // a running daemon's JIT is warm: measure after a few edits, as after a minute of work
        for (int round = 0; round < 30; round++) {
            int i = (round * 29) % ENTITIES;
            s.write("app/e" + (i / 100) + "/Entity" + i + ".java", entity(i, "    private String warm" + round + ";"));
            index.update(files[i]);
            index.model();
        }
        long[] samples = new long[15];
        for (int round = 0; round < samples.length; round++) {
            int i = (round * 37) % ENTITIES;
            s.write("app/e" + (i / 100) + "/Entity" + i + ".java", entity(i, "    private String extra" + round + ";"));
            long start = System.nanoTime();
            index.update(files[i]);
            ParsedModel m = index.model();
            samples[round] = System.nanoTime() - start;
            assertThat(m.schema().table("entity" + i).orElseThrow().column("extra" + round)).isPresent();
        }
        long[] modelOnly = new long[15];
        for (int round = 0; round < modelOnly.length; round++) {
            int i = (round * 53) % ENTITIES;
            s.write("app/e" + (i / 100) + "/Entity" + i + ".java", entity(i, "    private String other" + round + ";"));
            index.update(files[i]);
            long start = System.nanoTime();
            index.model();
            modelOnly[round] = System.nanoTime() - start;
        }
        Arrays.sort(samples);
        Arrays.sort(modelOnly);
        long medianUpdateAndModel = samples[samples.length / 2] / 1_000_000;
        long medianModel = modelOnly[modelOnly.length / 2] / 1_000_000;
        System.out.printf("scan %d ms, first model %d ms, update+model median %d ms (max %d ms), model median %d ms%n",
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, medianUpdateAndModel,
                samples[samples.length - 1] / 1_000_000, medianModel);
        assertThat(medianModel).isLessThan(50);
        assertThat(medianUpdateAndModel).isLessThan(50);
    }
}
