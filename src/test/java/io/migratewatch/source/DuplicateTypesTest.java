package io.migratewatch.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Two watched classes with the same qualified name: an error naming both, never the first one silently. */
class DuplicateTypesTest {

    @TempDir
    Path dir;

    private static final String ORDER = """
            package shop;
            import jakarta.persistence.*;
            @Entity
            public class Order {
                @Id private Long id;
            }
            """;

    @Test
    void aClassDeclaredInTwoWatchedFoldersIsAnErrorNamingBoth() throws Exception {
        new Sources(dir.resolve("a")).write(ORDER);
        new Sources(dir.resolve("b")).write(ORDER.replace("@Id private Long id;", "@Id private Long id;\n    private String note;"));

        SourceIndex index = SourceIndex.scan(List.of(dir.resolve("a"), dir.resolve("b")), Sources.SPRING_7);
        SourceException e = assertThrows(SourceException.class, index::model);

        assertThat(e.getMessage()).isEqualTo("Order.java:4:14: shop.Order is declared twice: a/shop/Order.java:4 and"
                + " b/shop/Order.java:4: remove one, or take one folder out of models.paths");
    }

    @Test
    void removingOneCopyClearsTheError() throws Exception {
        new Sources(dir.resolve("a")).write(ORDER);
        Path second = new Sources(dir.resolve("b")).write(ORDER);
        SourceIndex index = SourceIndex.scan(List.of(dir), Sources.SPRING_7);
        assertThrows(SourceException.class, index::model);

        Files.delete(second);
        index.update(second);

        assertThat(index.model().schema().tables().keySet()).containsExactly("order");
    }
}
