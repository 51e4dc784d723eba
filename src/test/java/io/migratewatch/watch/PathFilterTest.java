package io.migratewatch.watch;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PathFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {"src/Order.java", "a/b/c/Customer.java"})
    void javaSourcesCount(String path) {
        assertThat(PathFilter.isModelSource(Path.of(path))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"src/Order.java~", "src/.Order.java.swp", "src/4913", "src/Order.java___jb_tmp___",
            "src/.goutputstream-X1Y2Z3", "src/Order.java.tmp", "src/README.md", "target/generated/Order.java",
            "build/Order.java", ".git/Order.java", "web/node_modules/x/Order.java"})
    void editorTemporariesAndBuildOutputDoNot(String path) {
        assertThat(PathFilter.isModelSource(Path.of(path))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"src/main/resources/application.yml", "src/main/resources/application.yaml",
            "src/main/resources/application.properties", "src/main/resources/application-prod.yml",
            "src/main/resources/META-INF/persistence.xml"})
    void theApplicationsSettingsFilesGoThroughToo(String path) {
        assertThat(PathFilter.isSettingsFile(Path.of(path))).isTrue();
        assertThat(PathFilter.isWatched(Path.of(path))).isTrue();
        assertThat(PathFilter.isModelSource(Path.of(path))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"src/main/resources/application.yml~", "src/main/resources/.application.yml.swp",
            "src/main/resources/logback.xml", "src/main/resources/messages.properties", "target/classes/application.yml",
            "src/main/resources/application.yml___jb_tmp___"})
    void otherResourcesTemporariesAndBuildOutputDoNot(String path) {
        assertThat(PathFilter.isSettingsFile(Path.of(path))).isFalse();
        assertThat(PathFilter.isWatched(Path.of(path))).isFalse();
    }
}
