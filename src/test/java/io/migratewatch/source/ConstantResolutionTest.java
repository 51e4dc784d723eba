package io.migratewatch.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.migratewatch.source.Sources.column;
import static io.migratewatch.source.Sources.table;
import static org.assertj.core.api.Assertions.assertThat;

/** Annotation values written with constants, as real models do. */
class ConstantResolutionTest {

    @TempDir
    Path dir;

    private Sources withLimits() {
        Sources s = new Sources(dir);
        s.write("""
                package app.config;
                public final class Limits {
                    public static final int NAME = 120;
                    public static final int CODE = NAME / 10 - 2;
                    public static final String PREFIX = "shop_";
                    public static final String TABLE = PREFIX + "product";
                    private Limits() {}
                }
                """);
        s.write("""
                package app.config;
                public interface Sizes {
                    int SKU = 1 << 5;
                    long BIG = 2_000L;
                }
                """);
        return s;
    }

    @Test
    void constantsFromAnotherClassStaticImportsAndConcatenation() {
        Sources s = withLimits();
        s.write("""
                package app;
                import jakarta.persistence.*;
                import app.config.Limits;
                import static app.config.Sizes.SKU;
                import static app.config.Limits.*;
                @Entity
                @Table(name = Limits.TABLE)
                public class Product {
                    private static final String LOCAL = "local_";
                    @Id private Long id;
                    @Column(length = Limits.NAME) private String name;
                    @Column(length = CODE) private String code;
                    @Column(length = SKU) private String sku;
                    @Column(name = LOCAL + "note", length = (Limits.NAME + 5) * 2) private String note;
                    @Column(name = "x_" + 'y') private String weird;
                }
                """);
        ParsedModel m = s.model();
        assertThat(m.schema().tables()).containsOnlyKeys("shop_product");
        assertThat(column(m, "shop_product", "name").type().sql()).isEqualTo("varchar(120)");
        assertThat(column(m, "shop_product", "code").type().sql()).isEqualTo("varchar(10)");
        assertThat(column(m, "shop_product", "sku").type().sql()).isEqualTo("varchar(32)");
        assertThat(column(m, "shop_product", "local_note").type().sql()).isEqualTo("varchar(250)");
        assertThat(column(m, "shop_product", "x_y").type().sql()).isEqualTo("varchar(255)");
    }

    @Test
    void qualifiedConstantAndInheritedInterfaceConstant() {
        Sources s = withLimits();
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                public class Product implements app.config.Sizes {
                    @Id private Long id;
                    @Column(length = app.config.Limits.NAME) private String name;
                    @Column(length = SKU) private String sku;
                }
                """);
        ParsedModel m = s.model();
        assertThat(column(m, "product", "name").type().sql()).isEqualTo("varchar(120)");
        assertThat(column(m, "product", "sku").type().sql()).isEqualTo("varchar(32)");
    }

    @Test
    void enumConstantsByStaticImportAndSameClassConstantsInIndexes() {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                import jakarta.persistence.*;
                import static jakarta.persistence.GenerationType.IDENTITY;
                @Entity
                @Table(indexes = @Index(name = Product.IDX, columnList = Product.COLS))
                public class Product {
                    static final String IDX = "idx_product_name";
                    static final String COLS = "name";
                    @Id @GeneratedValue(strategy = IDENTITY) private Long id;
                    private String name;
                }
                """);
        ParsedModel m = s.model();
        assertThat(column(m, "product", "id").identity()).isEqualTo(io.migratewatch.schema.Identity.BY_DEFAULT);
        assertThat(table(m, "product").indexes().get(0).name()).isEqualTo("idx_product_name");
    }

    @Test
    void integerMaxValueIsKnown() {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                public class Product {
                    @Id private Long id;
                    @Column(length = Integer.MAX_VALUE) private String text;
                }
                """);
        assertThat(column(s.model(), "product", "text").type().sql()).isEqualTo("varchar(2147483647)");
    }
}
