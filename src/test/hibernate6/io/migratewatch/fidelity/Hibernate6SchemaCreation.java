package io.migratewatch.fidelity;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.boot.registry.classloading.internal.ClassLoaderServiceImpl;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.tool.schema.spi.CommandAcceptanceException;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The Hibernate 6.6 side of the fidelity test. This file is not part of the test sources: the test compiles it
 * against target/hibernate-6.6 and loads it, with a model set, in a class loader that sees Hibernate 6.6 and
 * nothing of the test classpath (where Hibernate 7 lives). Its one entry point takes JDK types only, so the test
 * calls it by reflection. It does what {@code HibernateExport} does for Hibernate 7.
 */
public final class Hibernate6SchemaCreation {

    private Hibernate6SchemaCreation() {
    }

    /** {@code Version.getVersionString()} of the Hibernate this class was loaded with. */
    public static String version() {
        return org.hibernate.Version.getVersionString();
    }

    /**
     * Creates the schema of the named managed classes in the (empty) database, with the given Hibernate settings
     * (naming strategies as class names), and closes the factory again.
     */
    public static void create(String jdbcUrl, String user, String password, Map<String, Object> settings,
                              List<String> managedClasses, boolean showSql) throws ClassNotFoundException {
        ClassLoader loader = Hibernate6SchemaCreation.class.getClassLoader();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        dataSource.setUser(user);
        if (password != null) {
            dataSource.setPassword(password);
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try (ValidatorFactory validation = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory()) {
            BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder()
                    .applyClassLoaderService(new OwnServices(loader)).build();
            StandardServiceRegistryBuilder builder = new StandardServiceRegistryBuilder(bootstrap)
                    .applySetting(AvailableSettings.DATASOURCE, dataSource)
                    .applySetting(AvailableSettings.DIALECT, "org.hibernate.dialect.PostgreSQLDialect")
                    .applySetting(AvailableSettings.HBM2DDL_AUTO, "create")
                    // not halted: Hibernate 6.6 inserts the row of a table generator once per entity using it, and
                    // the second insert fails (its DDL is complete); every other failure is thrown below
                    .applySetting(AvailableSettings.HBM2DDL_HALT_ON_ERROR, "false")
                    .applySetting(AvailableSettings.JAKARTA_VALIDATION_FACTORY, validation)
                    .applySetting(AvailableSettings.SHOW_SQL, String.valueOf(showSql));
            settings.forEach(builder::applySetting);
            StandardServiceRegistry registry = builder.build();
            try {
                MetadataSources sources = new MetadataSources(registry);
                for (String name : managedClasses) {
                    sources.addAnnotatedClass(Class.forName(name, false, loader));
                }
                FailedCommands failed = FailedCommands.watch();
                try (SessionFactory ignored = sources.buildMetadata().buildSessionFactory()) {
                    // the schema is created while the factory is built; closing it drops nothing
                } finally {
                    failed.stop();
                }
                failed.throwUnlessRepeatedGeneratorRows();
            } finally {
                StandardServiceRegistryBuilder.destroy(registry);
            }
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /**
     * The DDL commands Hibernate reported failing (it logs them when it does not halt on errors), heard on its
     * java.util.logging logger while the schema is created.
     */
    private static final class FailedCommands extends Handler {
        private static final String LOGGER = "org.hibernate.tool.schema";
        /** Held while watched: java.util.logging keeps loggers only weakly. */
        private final Logger logger = Logger.getLogger(LOGGER);
        private final List<CommandAcceptanceException> failures = new ArrayList<>();

        static FailedCommands watch() {
            FailedCommands handler = new FailedCommands();
            handler.logger.addHandler(handler);
            return handler;
        }

        void stop() {
            logger.removeHandler(this);
        }

        /**
         * Fails unless every failed command inserts a row that is there already: a table generator's row, which
         * Hibernate 6.6 inserts again for each further entity on the same generator.
         */
        void throwUnlessRepeatedGeneratorRows() {
            List<String> others = failures.stream().map(Throwable::getMessage)
                    .filter(m -> !(m.startsWith("Error executing DDL \"insert into ") && m.contains("duplicate key value"))).toList();
            if (!others.isEmpty()) {
                throw new IllegalStateException("Hibernate 6.6's DDL failed:\n" + String.join("\n", others));
            }
        }

        @Override
        public synchronized void publish(LogRecord record) {
            if (record.getThrown() instanceof CommandAcceptanceException failure) {
                failures.add(failure);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /**
     * Hibernate always adds the system class loader to its own, and under a test runner that one holds the test
     * classpath: Hibernate 7's and Envers 7's service registrations would be found and fail to load. Services and
     * resources come from this loader only; classes are looked up in it first anyway.
     */
    private static final class OwnServices extends ClassLoaderServiceImpl {
        private final ClassLoader loader;

        OwnServices(ClassLoader loader) {
            super(loader);
            this.loader = loader;
        }

        @Override
        public <S> Collection<S> loadJavaServices(Class<S> contract) {
            List<S> services = new ArrayList<>();
            ServiceLoader.load(contract, loader).forEach(services::add);
            return services;
        }

        @Override
        public List<URL> locateResources(String name) {
            try {
                return Collections.list(loader.getResources(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
