package io.migratewatch.config;

import io.migratewatch.ExitCode;
import io.migratewatch.source.Naming;
import io.migratewatch.workflow.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code models.settings} and its precedence: watcher.conf's models.naming wins over the application's naming. */
class ApplicationSettingsSettingTest {

    @TempDir
    Path tmp;

    private Settings load(String watcherConf) throws IOException {
        Files.writeString(tmp.resolve(SettingsLoader.DEFAULT_FILE), watcherConf);
        return SettingsLoader.load(null, tmp, Map.of(), null);
    }

    private void application(String yaml) throws IOException {
        Files.createDirectories(tmp.resolve("src/main/java"));
        Path resources = Files.createDirectories(tmp.resolve("src/main/resources"));
        Files.writeString(resources.resolve("application.yml"), yaml);
    }

    @Test
    void autoIsTheDefaultAndModelsNamingIsNotGiven() throws IOException {
        Settings s = load("");

        assertThat(s.models().applicationSettings()).isEqualTo(Settings.ApplicationSettings.AUTO);
        assertThat(s.models().namingGiven()).isFalse();
        assertThat(s.models().naming()).isEqualTo("spring");
    }

    @Test
    void offAndAListOfFiles() throws IOException {
        assertThat(load("models.settings = off\n").models().applicationSettings().off()).isTrue();

        application("a: 1\n");
        Settings s = load("models.settings = [\"src/main/resources/application.yml\"]\n");

        assertThat(s.models().applicationSettings().files()).containsExactly(tmp.resolve("src/main/resources/application.yml"));
    }

    @Test
    void aMissingFileOrAnUnknownWordIsAnErrorNamingTheKey() {
        assertThatThrownBy(() -> load("models.settings = [\"nowhere/application.yml\"]\n"))
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((ConfigurationException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT))
                .hasMessageContainingAll("models.settings", "nowhere/application.yml", "does not exist");
        assertThatThrownBy(() -> load("models.settings = sometimes\n"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("auto, off or a list of files");
    }

    private static final String STANDARD_NAMING = """
            spring.jpa.hibernate.naming:
              physical-strategy: org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl
              implicit-strategy: org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl
            spring.jpa.properties.hibernate.type.preferred_instant_jdbc_type: TIMESTAMP
            """;

    @Test
    void theApplicationsNamingAppliesWhenWatcherConfDoesNotSayAndIsSaidOnce() throws IOException {
        application(STANDARD_NAMING);
        List<String> said = new ArrayList<>();

        try (Project project = new Project(load(""), said::add)) {
            assertThat(project.mappingOptions().naming()).isEqualTo(Naming.HIBERNATE);
            assertThat(project.mappingOptions().hibernate().preferredInstant()).isEqualTo("timestamp(6)");
            project.models();
            project.models();
        }

        assertThat(said).containsExactly("Hibernate settings from src/main/resources/application.yml: naming hibernate, "
                + "preferred_instant_jdbc_type TIMESTAMP");
    }

    @Test
    void modelsNamingInWatcherConfWinsOverTheApplications() throws IOException {
        application(STANDARD_NAMING);
        List<String> said = new ArrayList<>();

        try (Project project = new Project(load("models.naming = spring\n"), said::add)) {
            assertThat(project.mappingOptions().naming()).isEqualTo(Naming.SPRING);
            assertThat(project.mappingOptions().hibernate().snakeCase()).isNull();
            assertThat(project.mappingOptions().hibernate().preferredInstant()).isEqualTo("timestamp(6)");
            project.models();
        }

        assertThat(said).containsExactly("Hibernate settings from src/main/resources/application.yml: "
                + "preferred_instant_jdbc_type TIMESTAMP");
    }

    @Test
    void offReadsNothing() throws IOException {
        application(STANDARD_NAMING);

        try (Project project = new Project(load("models.settings = off\n"), line -> { })) {
            assertThat(project.mappingOptions().naming()).isEqualTo(Naming.SPRING);
            assertThat(project.mappingOptions().hibernate().preferredInstant()).isNull();
        }
    }

    @Test
    void aDefaultSchemaOtherThanTheManagedOneIsWarnedAbout() throws IOException {
        application("spring.jpa.properties.hibernate.default_schema: shop\n");
        List<String> said = new ArrayList<>();

        try (Project project = new Project(load(""), said::add)) {
            project.models();
        }

        assertThat(said).last().asString().contains("hibernate.default_schema is shop", "manages schema public",
                "database.schema = \"shop\"");
    }

    @Test
    void enversAuditTablesInAnotherSchemaAreLeftOutWithAWarningAndInTheManagedOneAreMapped() throws IOException {
        application("spring.jpa.properties.org.hibernate.envers.default_schema: audit\n");
        Path entity = Files.createDirectories(tmp.resolve("src/main/java/com/example")).resolve("Note.java");
        Files.writeString(entity, """
                package com.example;

                import jakarta.persistence.Entity;
                import jakarta.persistence.Id;
                import org.hibernate.envers.Audited;

                @Entity
                @Audited
                public class Note {
                    @Id
                    private Long id;
                    private String text;
                }
                """);
        List<String> said = new ArrayList<>();

        try (Project project = new Project(load(""), said::add)) {
            assertThat(project.models().schema().tables().keySet()).containsExactly("note");
            assertThat(project.models().schema().sequences().keySet()).containsExactly("revinfo_seq");
        }
        assertThat(said).last().asString().contains("org.hibernate.envers.default_schema is audit", "audit tables",
                "REVINFO", "manages schema public", "leave them out");

        application("spring.jpa.properties.org.hibernate.envers.default_schema: Public\n");
        try (Project project = new Project(load(""), line -> { })) {
            assertThat(project.models().schema().tables().keySet()).containsExactlyInAnyOrder("note", "note_aud", "revinfo");
        }
    }

    @Test
    void aBrokenSettingsFileStopsTheModelWithFileAndLine() throws IOException {
        application("spring:\n  jpa: [\n");

        try (Project project = new Project(load(""), line -> { })) {
            assertThatThrownBy(project::models).isInstanceOf(io.migratewatch.source.SourceException.class)
                    .hasMessageContaining("application.yml");
        }
    }
}
