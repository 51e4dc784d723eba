package io.migratewatch.fidelity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A set's Hibernate 6 files (src/hibernate6/java) replace its sources under 6.6 only. */
class ModelSetTest {

    @TempDir
    Path dir;

    private ModelSet set() throws IOException {
        write("shop/src/main/java/app/Order.java", "class Order { /* 7 */ }");
        write("shop/src/main/java/app/Line.java", "class Line { }");
        write("shop/src/main/resources/application.yml", "spring: {}");
        write("shop/src/hibernate6/java/app/Order.java", "class Order { /* 6 */ }");
        return new ModelSet("shop", dir.resolve("shop/src/main/java"));
    }

    @Test
    void underHibernate6TheSetIsACopyWithItsHibernate6FilesLaidOver() throws IOException {
        ModelSet six = set().forHibernate(6, dir.resolve("copies"));

        assertThat(six.root()).isEqualTo(dir.resolve("copies/shop/src/main/java"));
        assertThat(Files.readString(six.root().resolve("app/Order.java"))).contains("/* 6 */");
        assertThat(six.sources()).extracting(p -> six.root().relativize(p).toString().replace('\\', '/'))
                .containsExactly("app/Line.java", "app/Order.java");
        assertThat(six.resources().resolve("application.yml")).exists();
    }

    @Test
    void underHibernate7TheSetIsItself() throws IOException {
        ModelSet set = set();
        assertThat(set.forHibernate(7, dir.resolve("copies"))).isSameAs(set);
        assertThat(dir.resolve("copies")).doesNotExist();
    }

    @Test
    void aHibernate6FileThatReplacesNothingIsRefused() throws IOException {
        ModelSet set = set();
        write("shop/src/hibernate6/java/app/Invoice.java", "class Invoice { }");
        assertThatThrownBy(() -> set.forHibernate(6, dir.resolve("copies")))
                .hasMessageContaining("Invoice.java replaces no file of").hasMessageContaining("shop");
    }

    private void write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
