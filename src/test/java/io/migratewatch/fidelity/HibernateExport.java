package io.migratewatch.fidelity;

import io.migratewatch.db.DatabaseUrl;
import io.migratewatch.source.Naming;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;
import org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.LoggerFactory;

/**
 * Lets Hibernate create the schema of a compiled model set, as a Spring Boot application with
 * {@code spring.jpa.hibernate.ddl-auto=create} does when its session factory starts: {@code create} (drop what
 * exists, then create; nothing is dropped when the factory closes), the PostgreSQL dialect, and the naming of
 * {@link Naming#SPRING} (Spring Boot's default strategies: Hibernate's {@code CamelCaseToUnderscoresNamingStrategy}
 * and {@link SpringLikeImplicitNaming}) or {@link Naming#HIBERNATE} (Hibernate's defaults: names as written, JPA's
 * implicit names), over the settings of the set's own application.yml ({@link ApplicationSettingsForHibernate}).
 * {@code -Dfidelity.show-ddl=true} prints the DDL it runs.
 */
public final class HibernateExport {

    /** The Hibernate version on the test classpath (the pom's), e.g. 7.4.16.Final. */
    public static final String FULL_VERSION = org.hibernate.Version.getVersionString();

    private HibernateExport() {
    }

    /**
     * Creates the model's schema in the (empty) database and closes the factory again. A DDL statement Hibernate
     * cannot run fails here ({@code halt_on_error}), rather than leaving a warning and a missing table.
     */
    public static void into(DatabaseUrl database, CompiledModel model, Naming naming) {
        quietDeprecations();
        // a DataSource, not hibernate.connection.url: Hibernate's built-in pool warns that it is not for production
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(database.jdbcUrl());
        dataSource.setUser(database.user());
        if (database.password() != null) {
            dataSource.setPassword(database.password());
        }
        // Bean Validation as in an application with a validator: its constraints become DDL (not null, length,
        // checks). The parameter interpolator needs no EL implementation; the DDL does not depend on messages.
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (ValidatorFactory validation = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory()) {
            Thread.currentThread().setContextClassLoader(model.loader());
            // the model's classes live in their own loader: Hibernate must look names up there too
            BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(model.loader()).build();
            StandardServiceRegistryBuilder settings = new StandardServiceRegistryBuilder(bootstrap)
                    .applySetting(AvailableSettings.DATASOURCE, dataSource)
                    .applySetting(AvailableSettings.DIALECT, "org.hibernate.dialect.PostgreSQLDialect")
                    .applySetting(AvailableSettings.HBM2DDL_AUTO, "create")
                    .applySetting(AvailableSettings.HBM2DDL_HALT_ON_ERROR, "true")
                    .applySetting(AvailableSettings.JAKARTA_VALIDATION_FACTORY, validation);
            if (Boolean.getBoolean("fidelity.show-ddl")) {
                settings.applySetting(AvailableSettings.SHOW_SQL, "true");
            }
            // the application's own settings (a set's application.yml), as Spring Boot hands them to Hibernate ...
            ApplicationSettingsForHibernate application = ApplicationSettingsForHibernate.of(model.set());
            application.properties().forEach(settings::applySetting);
            // ... except its naming when the run's differs: models.naming in watcher.conf wins over the application's
            if (application.naming() != naming) {
                if (naming == Naming.SPRING) {
                    settings.applySetting(AvailableSettings.PHYSICAL_NAMING_STRATEGY, new CamelCaseToUnderscoresNamingStrategy())
                            .applySetting(AvailableSettings.IMPLICIT_NAMING_STRATEGY, new SpringLikeImplicitNaming());
                } else {
                    settings.applySetting(AvailableSettings.PHYSICAL_NAMING_STRATEGY, new PhysicalNamingStrategyStandardImpl())
                            .applySetting(AvailableSettings.IMPLICIT_NAMING_STRATEGY, new ImplicitNamingStrategyJpaCompliantImpl());
                }
            }
            StandardServiceRegistry registry = settings.build();
            try {
                MetadataSources sources = new MetadataSources(registry);
                model.managed().forEach(sources::addAnnotatedClass);
                try (SessionFactory ignored = sources.buildMetadata().buildSessionFactory()) {
                    // the schema is created while the factory is built; closing it drops nothing (create, not create-drop)
                }
            } finally {
                StandardServiceRegistryBuilder.destroy(registry);
            }
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /**
     * The dialect is named explicitly, as many applications do; Hibernate then warns once per factory
     * (HHH90000025) that it would have found it by itself. Only that logger, Hibernate's deprecation advice, is
     * turned down, so the build log shows the figures; everything else keeps the tests' logging configuration
     * (logback.xml: WARN and above).
     */
    private static void quietDeprecations() {
        if (LoggerFactory.getLogger("org.hibernate.orm.deprecation") instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }
}
