package io.migratewatch.source;

import io.migratewatch.schema.Sequence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.migratewatch.source.Sources.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The application's own settings files (models.settings): found beside the sources, read (YAML, properties,
 * persistence.xml; profiles), interpreted as Hibernate would, and applied to the mapping.
 */
class ApplicationSettingsFilesTest {

    @TempDir
    Path project;

    private Path write(String relative, String text) throws IOException {
        Path f = project.resolve(relative);
        Files.createDirectories(f.getParent());
        return Files.writeString(f, text);
    }

    private ApplicationSettings found() {
        return ApplicationSettingsFiles.read(ApplicationSettingsFiles.find(List.of(project.resolve("src/main/java")), project));
    }

    @Test
    void springYamlWithItsActiveProfile() throws IOException {
        write("src/main/resources/application.yml", """
                spring:
                  profiles.active: prod
                  jpa:
                    hibernate.naming.physical-strategy: org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl
                    hibernate.naming.implicit-strategy: org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl
                    properties:
                      hibernate:
                        type.preferred_instant_jdbc_type: TIMESTAMP
                        type.preferred_uuid_jdbc_type: CHAR
                ---
                spring.config.activate.on-profile: dev
                spring.jpa.properties.hibernate.type.preferred_uuid_jdbc_type: VARCHAR
                ---
                spring.config.activate.on-profile: prod
                spring.jpa.properties.hibernate.id.db_structure_naming_strategy: legacy
                """);
        write("src/main/resources/application-prod.properties", """
                spring.jpa.properties.hibernate.type.preferred_duration_jdbc_type=INTERVAL_SECOND
                """);

        ApplicationSettings app = found();

        HibernateSettings s = app.settings();
        assertThat(s.naming()).isEqualTo(Naming.HIBERNATE);
        assertThat(s.preferredInstant()).isEqualTo("timestamp(6)");
        assertThat(s.preferredUuid()).isEqualTo("char(36)");   // the dev document is not active
        assertThat(s.preferredDuration()).isEqualTo("interval second(6)");
        assertThat(s.idStructureNaming()).isEqualTo("legacy");
        assertThat(app.warnings()).isEmpty();
        assertThat(app.files()).extracting(f -> project.relativize(f).toString())
                .containsExactly("src/main/resources/application.yml", "src/main/resources/application-prod.properties");
        assertThat(app.describe(f -> project.relativize(f).toString())).isEqualTo("Hibernate settings from "
                + "src/main/resources/application.yml, src/main/resources/application-prod.properties: naming hibernate, "
                + "preferred_instant_jdbc_type TIMESTAMP, preferred_uuid_jdbc_type CHAR, preferred_duration_jdbc_type "
                + "INTERVAL_SECOND, id.db_structure_naming_strategy legacy");
    }

    @Test
    void aSpringApplicationThatNamesNoStrategyHasSpringBootsNaming() throws IOException {
        write("src/main/resources/application.properties", "spring.jpa.open-in-view=false\n");

        ApplicationSettings app = found();

        assertThat(app.settings().naming()).isEqualTo(Naming.SPRING);
        assertThat(app.taken()).containsExactly("naming spring (Spring Boot's default)");
        assertThat(app.withoutNaming().settings().naming()).isNull();
        assertThat(app.withoutNaming().taken()).isEmpty();
    }

    @Test
    void propertiesWinOverYamlInTheSameFolder() throws IOException {
        write("src/main/resources/application.yml", "spring.jpa.properties.hibernate.type.preferred_uuid_jdbc_type: CHAR\n");
        write("src/main/resources/application.properties", "spring.jpa.properties.hibernate.type.preferred_uuid_jdbc_type=BINARY\n");

        assertThat(found().settings().preferredUuid()).isEqualTo("bytea");
    }

    @Test
    void springsStandardPhysicalNamingWithItsOwnImplicitNamingIsSupportedAsAMix() throws IOException {
        write("src/main/resources/application.properties", """
                spring.jpa.hibernate.naming.physical-strategy=org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl
                """);

        ApplicationSettings app = found();

        assertThat(app.settings().snakeCase()).isFalse();
        assertThat(app.settings().springJoinTables()).isTrue();
        assertThat(app.settings().naming()).isNull();
        assertThat(app.taken()).containsExactly("naming as written with Spring's join-table names");
    }

    @Test
    void quarkusKeysAndProfiles() throws IOException {
        write("src/main/resources/application.properties", """
                quarkus.hibernate-orm.physical-naming-strategy=org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy
                quarkus.hibernate-orm.mapping.timezone.default-storage=normalize
                %dev.quarkus.hibernate-orm.mapping.timezone.default-storage=column
                quarkus.hibernate-orm.unsupported-properties."hibernate.type.preferred_boolean_jdbc_type"=INTEGER
                quarkus.hibernate-orm.database.default-schema=shop
                """);

        ApplicationSettings app = found();

        assertThat(app.settings().snakeCase()).isTrue();
        assertThat(app.settings().springJoinTables()).isFalse();   // Quarkus keeps Hibernate's implicit naming
        assertThat(app.settings().timeZoneStorage()).isEqualTo("NORMALIZE");  // %dev is not the prod profile
        assertThat(app.settings().booleanColumn()).isEqualTo("integer");
        assertThat(app.settings().defaultSchema()).isEqualTo("shop");
        assertThat(app.warnings()).isEmpty();
    }

    @Test
    void persistenceXmlOfAPlainJpaApplication() throws IOException {
        write("src/main/resources/META-INF/persistence.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.0">
                  <persistence-unit name="shop">
                    <validation-mode>NONE</validation-mode>
                    <properties>
                      <property name="hibernate.type.preferred_instant_jdbc_type" value="93"/>
                      <property name="hibernate.globally_quoted_identifiers" value="true"/>
                    </properties>
                  </persistence-unit>
                </persistence>
                """);

        ApplicationSettings app = found();

        assertThat(app.settings().naming()).isEqualTo(Naming.HIBERNATE);
        assertThat(app.settings().preferredInstant()).isEqualTo("timestamp(6)");
        assertThat(app.settings().globallyQuoted()).isTrue();
        assertThat(app.settings().beanValidationDdl()).isFalse();
        assertThat(app.warnings()).extracting(SourceProblem::message).singleElement().satisfies(m -> assertThat(m).contains("FK…"));
        assertThat(app.taken()).contains("jakarta.persistence.validation.mode NONE (Bean Validation stays out of the DDL)");
    }

    @Test
    void timeZoneColumnsCharBooleansAndValidationModesAreTaken() throws IOException {
        write("src/main/resources/application.properties", """
                spring.jpa.open-in-view=false
                spring.jpa.properties.hibernate.timezone.default_storage=AUTO
                spring.jpa.properties.hibernate.type.preferred_boolean_jdbc_type=CHAR
                spring.jpa.properties.jakarta.persistence.validation.mode=callback
                """);

        ApplicationSettings app = found();

        assertThat(app.settings().timeZoneStorage()).isEqualTo("COLUMN");
        assertThat(app.settings().booleanColumn()).isEqualTo("char(1)");
        assertThat(app.settings().booleanValues()).containsExactly("F", "T");
        assertThat(app.settings().beanValidationDdl()).isFalse();
        assertThat(app.warnings()).isEmpty();
        assertThat(app.taken()).containsExactly("naming spring (Spring Boot's default)",
                "preferred_boolean_jdbc_type CHAR", "timezone.default_storage AUTO (a column, on PostgreSQL)",
                "jakarta.persistence.validation.mode callback (Bean Validation stays out of the DDL)");
    }

    @Test
    void validationModeDdlKeepsBeanValidationAndApplyToDdlFalseDropsIt() throws IOException {
        write("src/main/resources/application.properties", """
                spring.jpa.properties.jakarta.persistence.validation.mode=callback, ddl
                """);
        assertThat(found().settings().beanValidationDdl()).isTrue();

        write("src/main/resources/application.properties", """
                spring.jpa.properties.hibernate.validator.apply_to_ddl=false
                """);
        assertThat(found().settings().beanValidationDdl()).isFalse();
    }

    @Test
    void enversNamesFromSpringAndQuarkus() throws IOException {
        write("src/main/resources/application.yml", """
                spring.jpa.properties:
                  org.hibernate.envers:
                    audit_table_suffix: _history
                    revision_field_name: rev_id
                    default_schema: audit
                """);

        ApplicationSettings spring = found();

        assertThat(spring.settings().envers()).isEqualTo(new EnversSettings(null, "_history", "rev_id", null, null, "audit"));
        assertThat(spring.taken()).contains("envers.audit_table_suffix _history", "envers.revision_field_name rev_id",
                "envers.default_schema audit");
        assertThat(spring.warnings()).isEmpty();

        Files.delete(project.resolve("src/main/resources/application.yml"));
        write("src/main/resources/application.properties", """
                quarkus.hibernate-envers.audit-table-prefix=aud_
                quarkus.hibernate-envers.revision-type-field-name=kind
                """);

        assertThat(found().settings().envers()).isEqualTo(new EnversSettings("aud_", null, null, "kind"));
    }

    @Test
    void enversValidityStrategyByAnyOfItsNamesWithItsColumnSettings() throws IOException {
        write("src/main/resources/application.properties", """
                spring.jpa.properties.org.hibernate.envers.audit_strategy=org.hibernate.envers.strategy.ValidityAuditStrategy
                spring.jpa.properties.org.hibernate.envers.audit_strategy_validity_end_rev_field_name=ended_by
                """);
        assertThat(found().settings().envers().validity()).isEqualTo(new EnversValidity("ended_by", null, false, false));

        write("src/main/resources/application.properties", """
                spring.jpa.properties.org.hibernate.envers.audit_strategy=validity
                spring.jpa.properties.org.hibernate.envers.audit_strategy_validity_store_revend_timestamp=TRUE
                spring.jpa.properties.org.hibernate.envers.audit_strategy_validity_revend_timestamp_numeric=true
                spring.jpa.properties.org.hibernate.envers.audit_strategy_validity_revend_timestamp_legacy_placement=false
                """);
        ApplicationSettings stored = found();
        assertThat(stored.settings().envers().validity()).isEqualTo(new EnversValidity("REVEND", "REVEND_TSTMP", true, true));
        assertThat(stored.taken()).contains("envers.audit_strategy validity",
                "envers.audit_strategy_validity_store_revend_timestamp true");

        write("src/main/resources/application.properties", """
                spring.jpa.properties.org.hibernate.envers.audit_strategy=DefaultAuditStrategy
                """);
        assertThat(found().settings().envers().validity()).isNull();

        write("src/main/resources/application.properties", """
                spring.jpa.properties.org.hibernate.envers.audit_strategy=com.acme.ShardedStrategy
                """);
        ApplicationSettings custom = found();
        assertThat(custom.settings().envers().validity()).isNull();
        assertThat(custom.warnings()).extracting(SourceProblem::format).containsExactly("application.properties:1:1:"
                + " org.hibernate.envers.audit_strategy=com.acme.ShardedStrategy is not a strategy migrate-watch knows"
                + " (default, validity): audit tables are mapped as with the default strategy");
    }

    @Test
    void aPreferredArrayTypeStoresArraysAsOneValueOfThatType() throws IOException {
        write("src/main/resources/application.properties", """
                spring.jpa.properties.hibernate.type.preferred_array_jdbc_type=XML_ARRAY
                """);

        ApplicationSettings xml = found();

        assertThat(xml.settings().preferredArray()).isEqualTo("xml");
        assertThat(xml.taken()).contains("preferred_array_jdbc_type XML_ARRAY");
        assertThat(xml.warnings()).isEmpty();

        write("src/main/resources/application.properties", """
                spring.jpa.properties.hibernate.type.preferred_array_jdbc_type=ARRAY
                """);

        assertThat(found().settings().preferredArray()).isNull();
    }

    @Test
    void aPreferredArrayTypeMigrateWatchDoesNotKnowIsWarnedAbout() throws IOException {
        write("src/main/resources/application.properties", """
                spring.jpa.properties.hibernate.type.preferred_array_jdbc_type=LONGVARBINARY
                """);

        ApplicationSettings app = found();

        assertThat(app.settings().preferredArray()).isNull();
        assertThat(app.warnings()).extracting(SourceProblem::format).containsExactly("application.properties:1:1:"
                + " hibernate.type.preferred_array_jdbc_type=LONGVARBINARY is not supported yet: Hibernate's default type is"
                + " used instead (arrays and basic collections are PostgreSQL arrays)");
    }

    @Test
    void aTimeZoneStorageHibernateRefusesIsWarnedAboutWithItsLine() throws IOException {
        write("src/main/resources/application.properties", """
                spring.jpa.open-in-view=false
                spring.jpa.properties.hibernate.timezone.default_storage=NATIVE
                """);

        ApplicationSettings app = found();

        assertThat(app.settings().timeZoneStorage()).isNull();
        assertThat(app.warnings()).extracting(SourceProblem::format).containsExactly(
                "application.properties:2:1: hibernate.timezone.default_storage=NATIVE: Hibernate refuses it with PostgreSQL"
                        + " (\"not supported with the configured dialect\"); migrate-watch maps time zones as by default");
    }

    @Test
    void brokenYamlNamesTheFileAndTheLine() throws IOException {
        Path yml = write("src/main/resources/application.yml", """
                spring:
                  jpa:
                    properties: [unclosed
                  other: 1
                """);

        assertThatThrownBy(this::found).isInstanceOf(SourceException.class)
                .satisfies(e -> assertThat(((SourceException) e).problems()).singleElement().satisfies(p -> {
                    assertThat(p.file()).isEqualTo(yml);
                    assertThat(p.line()).isEqualTo(4);
                    assertThat(p.message()).startsWith("not valid YAML");
                }));
    }

    @Test
    void persistenceXmlWithADoctypeIsRefusedNotExpanded() throws IOException {
        Path secret = write("secret.txt", "s3cret");
        Path xml = write("src/main/resources/META-INF/persistence.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE persistence [ <!ENTITY x SYSTEM "%s"> ]>
                <persistence><persistence-unit name="u"><properties>
                  <property name="hibernate.default_schema" value="&x;"/>
                </properties></persistence-unit></persistence>
                """.formatted(secret.toUri()));

        assertThatThrownBy(this::found).isInstanceOf(SourceException.class)
                .satisfies(e -> assertThat(((SourceException) e).problems()).singleElement().satisfies(p -> {
                    assertThat(p.file()).isEqualTo(xml);
                    assertThat(p.line()).isEqualTo(2);
                    assertThat(p.message()).startsWith("not valid XML").doesNotContain("s3cret");
                }));
    }

    @Test
    void foundBesideTheSourcesInThePathItselfAndItsParentsInsideTheProjectOnly() throws IOException {
        Path root = project.resolve("app");
        write("app/application.properties", "a=1\n");
        write("app/src/main/java/application.yml", "b: 1\n");
        write("app/src/main/resources/application.yml", "c: 1\n");
        write("app/src/main/resources/META-INF/persistence.xml", "<persistence/>\n");

        assertThat(ApplicationSettingsFiles.find(List.of(root.resolve("src/main/java")), project))
                .extracting(f -> project.relativize(f).toString())
                .containsExactly("app/application.properties", "app/src/main/java/application.yml",
                        "app/src/main/resources/application.yml", "app/src/main/resources/META-INF/persistence.xml");
        // a models path outside the project folder: its parents are not searched
        assertThat(ApplicationSettingsFiles.find(List.of(root.resolve("src/main/java")), project.resolve("elsewhere")))
                .extracting(f -> project.relativize(f).toString())
                .containsExactly("app/src/main/java/application.yml", "app/src/main/resources/application.yml",
                        "app/src/main/resources/META-INF/persistence.xml");
    }

    // --- applied to the mapping

    private static final String CUSTOMER = """
            package app;
            import jakarta.persistence.*;
            import java.time.*;
            import java.util.*;
            @Entity
            public class CustomerAccount {
                @Id @GeneratedValue private Long id;
                private Instant createdAt;
                private OffsetDateTime seenAt;
                private UUID token;
                private boolean active;
                private Duration spent;
                @ManyToMany private Set<Badge> badges;
            }
            """;

    private static final String BADGE = """
            package app;
            import jakarta.persistence.*;
            @Entity
            public class Badge {
                @Id @GeneratedValue(generator = "badge_ids") private Long id;
            }
            """;

    private ParsedModel model(HibernateSettings settings, Naming naming) {
        Sources s = new Sources(project.resolve("src/main/java"));
        s.write(CUSTOMER);
        s.write(BADGE);
        return s.model(new MappingOptions(naming, 7, settings));
    }

    @Test
    void preferredTypesAndNormalizedTimeZonesChangeTheColumns() {
        HibernateSettings settings = new HibernateSettings(null, null, "timestamp(6)", "char(36)", "INTEGER", "interval second(6)", null,
                "NORMALIZE", null, null, null, null, EnversSettings.NONE);

        ParsedModel m = model(settings, Naming.SPRING);

        assertThat(column(m, "customer_account", "created_at").type().sql()).isEqualTo("timestamp(6)");
        assertThat(column(m, "customer_account", "seen_at").type().sql()).isEqualTo("timestamp(6)");
        assertThat(column(m, "customer_account", "token").type().sql()).isEqualTo("char(36)");
        assertThat(column(m, "customer_account", "active").type().sql()).isEqualTo("integer");
        assertThat(column(m, "customer_account", "spent").type().sql()).isEqualTo("interval second(6)");
    }

    @Test
    void legacyIdStructureNamingSharesHibernateSequenceStepOne() {
        HibernateSettings legacy = new HibernateSettings(null, null, null, null, null, null, null, null, "legacy", null, null, null, EnversSettings.NONE);

        ParsedModel m = model(legacy, Naming.SPRING);

        assertThat(m.schema().sequences().values()).extracting(Sequence::name, Sequence::increment)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("hibernate_sequence", 1L),
                        org.assertj.core.groups.Tuple.tuple("badge_ids", 1L));
    }

    @Test
    void singleIdStructureNamingUsesOneSequenceForAll() {
        HibernateSettings single = new HibernateSettings(null, null, null, null, null, null, null, null, "single", null, null, null, EnversSettings.NONE);

        assertThat(model(single, Naming.SPRING).schema().sequences().values()).extracting(Sequence::name).containsExactly("hibernate_sequence");
    }

    @Test
    void standardPhysicalNamingWithSpringsJoinTables() {
        HibernateSettings mixed = new HibernateSettings(false, true, null, null, null, null, null, null, null, null, null, null, EnversSettings.NONE);

        ParsedModel m = model(mixed, Naming.SPRING);

        // names as written (folded by PostgreSQL), the join table named after the owner's table and the attribute
        assertThat(m.schema().tables()).containsOnlyKeys("customeraccount", "badge", "customeraccount_badges");
        assertThat(column(m, "customeraccount", "createdat")).isNotNull();
    }

    @Test
    void globallyQuotedIdentifiersKeepTheirCaseAndSkipThePhysicalStrategy() {
        HibernateSettings quoted = new HibernateSettings(null, null, null, null, null, null, null, null, null, true, null, null, EnversSettings.NONE);

        ParsedModel m = model(quoted, Naming.SPRING);

        assertThat(m.schema().tables()).containsKeys("CustomerAccount", "Badge");
        assertThat(column(m, "CustomerAccount", "createdAt")).isNotNull();
        assertThat(m.schema().sequences().values()).extracting(Sequence::name).contains("CustomerAccount_SEQ");
    }
}
