package io.migratewatch.source;

import io.migratewatch.schema.ColumnType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.migratewatch.source.Sources.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The index as the daemon uses it: scan once, then update one file at a time. */
class SourceIndexUpdateTest {

    @TempDir
    Path dir;

    private static final String LIMITS = """
            package app;
            public final class Limits {
                public static final int NAME = %d;
            }
            """;

    private static final String PRODUCT = """
            package app;
            import jakarta.persistence.*;
            @Entity
            public class Product {
                @Id private Long id;
                @Column(length = Limits.NAME) private String name;
            %s
            }
            """;

    @Test
    void updateOfOneFileChangesTheModel() {
        Sources s = new Sources(dir);
        s.write(LIMITS.formatted(50));
        Path product = s.write(PRODUCT.formatted(""));
        SourceIndex index = s.scan();
        assertThat(index.model().schema().tables()).containsOnlyKeys("product");

        s.write(PRODUCT.formatted("    private java.time.LocalDate launchedOn;"));
        index.update(product);
        assertThat(column(index.model(), "product", "launched_on").type().sql()).isEqualTo("date");
    }

    @Test
    void changingAConstantRemapsTheEntitiesThatUseIt() {
        Sources s = new Sources(dir);
        Path limits = s.write(LIMITS.formatted(50));
        s.write(PRODUCT.formatted(""));
        SourceIndex index = s.scan();
        assertThat(column(index.model(), "product", "name").type().sql()).isEqualTo("varchar(50)");

        s.write(LIMITS.formatted(80));
        index.update(limits);
        assertThat(column(index.model(), "product", "name").type().sql()).isEqualTo("varchar(80)");
    }

    @Test
    void changingATargetsIdTypeRemapsTheJoinColumn() {
        Sources s = new Sources(dir);
        s.write(LIMITS.formatted(50));
        Path product = s.write(PRODUCT.formatted(""));
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                public class Review {
                    @Id private Long id;
                    @ManyToOne private Product product;
                }
                """);
        SourceIndex index = s.scan();
        assertThat(column(index.model(), "review", "product_id").type()).isEqualTo(ColumnType.BIGINT);

        s.write(PRODUCT.formatted("").replace("@Id private Long id;", "@Id private java.util.UUID id;"));
        index.update(product);
        assertThat(column(index.model(), "review", "product_id").type()).isEqualTo(ColumnType.UUID);
    }

    @Test
    void deletedFileLeavesTheIndex() throws IOException {
        Sources s = new Sources(dir);
        s.write(LIMITS.formatted(50));
        s.write(PRODUCT.formatted(""));
        Path other = s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                public class Other { @Id private Long id; }
                """);
        SourceIndex index = s.scan();
        assertThat(index.model().schema().tables()).containsOnlyKeys("other", "product");

        Files.delete(other);
        index.update(other);
        assertThat(index.model().schema().tables()).containsOnlyKeys("product");
        assertThat(index.files()).doesNotContain(other);
    }

    @Test
    void deletingAConstantsClassMakesItsUsersAnError() throws IOException {
        Sources s = new Sources(dir);
        Path limits = s.write(LIMITS.formatted(50));
        s.write(PRODUCT.formatted(""));
        SourceIndex index = s.scan();
        index.model();

        Files.delete(limits);
        index.update(limits);
        assertThatThrownBy(index::model).isInstanceOf(SourceException.class)
                .hasMessageStartingWith("Product.java:6:22: constant Limits.NAME (in @Column(length)) cannot be read: class Limits "
                        + "is not in models.paths");
    }

    @Test
    void aFileThatFailsToParseThrowsAndTheLastGoodVersionIsKept() {
        Sources s = new Sources(dir);
        s.write(LIMITS.formatted(50));
        Path product = s.write(PRODUCT.formatted("    private String sku;"));
        SourceIndex index = s.scan();
        index.model();

        s.write(PRODUCT.formatted("    private String sku   // saved mid-edit"));
        assertThatThrownBy(() -> index.update(product)).isInstanceOf(SourceException.class)
                .hasMessage("Product.java:8:1: syntax error: Parse error. Found \"}\", expected \"(\"");
        assertThat(column(index.model(), "product", "sku").type().sql()).isEqualTo("varchar(255)");

        s.write(PRODUCT.formatted("    private Integer sku;"));
        index.update(product);
        assertThat(column(index.model(), "product", "sku").type()).isEqualTo(ColumnType.INTEGER);
    }

    @Test
    void aFileBrokenFromTheStartBlocksTheModelUntilFixed() {
        Sources s = new Sources(dir);
        s.write(LIMITS.formatted(50));
        Path product = s.write(PRODUCT.formatted("    private String sku"));
        SourceIndex index = s.scan();
        assertThatThrownBy(index::model).isInstanceOf(SourceException.class).hasMessageContaining("Product.java:");

        s.write(PRODUCT.formatted("    private String sku;"));
        index.update(product);
        assertThat(index.model().schema().tables()).containsOnlyKeys("product");
    }

    @Test
    void newFilesAreAddedAndBuildFoldersSkipped() {
        Sources s = new Sources(dir);
        s.write(LIMITS.formatted(50));
        s.write(PRODUCT.formatted(""));
        Path generated = s.write("target/generated/app/Gen.java", """
                package app;
                @jakarta.persistence.Entity
                public class Gen { @jakarta.persistence.Id private Long id; }
                """);
        SourceIndex index = s.scan();
        assertThat(index.model().schema().tables()).containsOnlyKeys("product");
        index.update(generated);
        assertThat(index.model().schema().tables()).containsOnlyKeys("product");

        Path added = s.write("""
                package app;
                @jakarta.persistence.Entity
                public class Added { @jakarta.persistence.Id private Long id; }
                """);
        index.update(added);
        assertThat(index.model().schema().tables()).containsOnlyKeys("added", "product");
    }

    @Test
    void aFileReportedThroughASymbolicLinkIsTheSameFile() throws IOException {
        Path real = Files.createDirectories(dir.resolve("real"));
        Sources s = new Sources(real);
        s.write(LIMITS.formatted(50));
        Path product = s.write(PRODUCT.formatted(""));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        SourceIndex index = SourceIndex.scan(java.util.List.of(link), Sources.SPRING_7);
        assertThat(index.model().schema().tables()).containsOnlyKeys("product");

        Files.delete(product);
        index.update(product);                                   // reported by its real path
        assertThat(index.model().schema().tables()).isEmpty();
        assertThat(index.files()).hasSize(1);
    }

    @Test
    void aDeletedFolderTakesItsFilesAlong() throws IOException {
        Sources s = new Sources(dir);
        s.write(LIMITS.formatted(50));
        s.write(PRODUCT.formatted(""));
        Path other = s.write("""
                package app.more;
                @jakarta.persistence.Entity
                public class Other { @jakarta.persistence.Id private Long id; }
                """);
        SourceIndex index = s.scan();
        assertThat(index.model().schema().tables()).containsOnlyKeys("other", "product");
        Files.delete(other);
        Files.delete(other.getParent());
        index.update(other.getParent());
        assertThat(index.model().schema().tables()).containsOnlyKeys("product");
    }

    @Test
    void modelIsCachedUntilSomethingChanges() {
        Sources s = new Sources(dir);
        s.write(LIMITS.formatted(50));
        s.write(PRODUCT.formatted(""));
        SourceIndex index = s.scan();
        assertThat(index.model()).isSameAs(index.model());
    }
}
