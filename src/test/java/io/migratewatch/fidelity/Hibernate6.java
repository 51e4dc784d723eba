package io.migratewatch.fidelity;

import io.migratewatch.db.DatabaseUrl;
import io.migratewatch.source.Naming;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Hibernate 6.6 beside Hibernate 7: its jars (copied by the build into target/hibernate-6.6, see the pom) in a class
 * loader whose parent is the platform loader, so nothing of the test classpath (Hibernate 7, jakarta.persistence
 * 3.2) is seen from it. Model sets are compiled against those jars and loaded in a child of that loader together
 * with {@code Hibernate6SchemaCreation} (src/test/hibernate6), which this class calls by reflection.
 */
final class Hibernate6 implements AutoCloseable {

    /** Hibernate 6.6 logs through java.util.logging here (no SLF4J in its loader): only warnings, as for 7. */
    private static final Logger HIBERNATE_LOG = quiet("org.hibernate", Level.WARNING);
    private static final Logger DEPRECATION_LOG = quiet("org.hibernate.orm.deprecation", Level.SEVERE);

    private static final String ENTRY = "io.migratewatch.fidelity.Hibernate6SchemaCreation";

    private final List<Path> jars;
    private final URLClassLoader hibernate;
    private final Path bridge;

    private Hibernate6(List<Path> jars, URLClassLoader hibernate, Path bridge) {
        this.jars = jars;
        this.hibernate = hibernate;
        this.bridge = bridge;
    }

    /** Loads Hibernate 6.6 and compiles the bridge into {@code work}. */
    static Hibernate6 load(Path work) {
        Path folder = Path.of(System.getProperty("fidelity.hibernate6.jars",
                Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "target", "hibernate-6.6").toString()));
        List<Path> jars;
        try (Stream<Path> files = Files.list(folder)) {
            jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("Hibernate 6.6 is not in " + folder + ": the build copies it there"
                    + " (run `mvn -B generate-test-resources` once, or the test through Maven)", e);
        }
        if (jars.stream().noneMatch(j -> j.getFileName().toString().startsWith("hibernate-core-6."))) {
            throw new IllegalStateException("no hibernate-core 6 jar in " + folder + ": run `mvn -B generate-test-resources`");
        }
        Path sources = Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "src", "test");
        Path bridge = work.resolve("hibernate6-bridge");
        // the bridge, and the naming that stands in for Spring's (the same source Hibernate 7 runs with)
        CompiledModel.javac("the Hibernate 6.6 bridge", List.of(
                sources.resolve("hibernate6/io/migratewatch/fidelity/Hibernate6SchemaCreation.java"),
                sources.resolve("java/io/migratewatch/fidelity/SpringLikeImplicitNaming.java")), bridge, jars);
        URLClassLoader hibernate = new URLClassLoader("hibernate-6.6", CompiledModel.urls(jars), ClassLoader.getPlatformClassLoader());
        return new Hibernate6(jars, hibernate, bridge);
    }

    /**
     * The model set compiled against Hibernate 6.6's jars (jakarta.persistence 3.1, and the Hibernate 6 lines of Spring
     * Data JPA, Panache and Envers), loaded beside the bridge.
     */
    CompiledModel compile(ModelSet set, Path classes) {
        try {
            return CompiledModel.compile(set, classes, jars, List.of(bridge), hibernate);
        } catch (IllegalStateException e) {
            if (!e.getMessage().contains("does not compile")) {
                throw e;
            }
            throw new IllegalStateException(e.getMessage() + "\n(a file that must differ for Hibernate 6.6 goes in the set's"
                    + " src/hibernate6/java: see ModelSet.forHibernate)", e);
        }
    }

    /** e.g. 6.6.56.Final */
    String version() {
        try {
            try (URLClassLoader loader = new URLClassLoader("hibernate-6.6-version", CompiledModel.urls(List.of(bridge)), hibernate)) {
                return (String) loader.loadClass(ENTRY).getMethod("version").invoke(null);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Hibernate 6.6's version cannot be read", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@link HibernateExport#into} does, with Hibernate 6.6. */
    void into(DatabaseUrl database, CompiledModel model, Naming naming) {
        ApplicationSettingsForHibernate application = ApplicationSettingsForHibernate.of(model.set());
        Map<String, Object> settings = new LinkedHashMap<>(application.properties());
        // models.naming in watcher.conf wins over the application's, as in HibernateExport
        if (application.naming() != naming) {
            boolean spring = naming == Naming.SPRING;
            settings.put("hibernate.physical_naming_strategy", spring ? "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy"
                    : "org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl");
            settings.put("hibernate.implicit_naming_strategy", spring ? SpringLikeImplicitNaming.class.getName()
                    : "org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl");
        }
        try {
            Method create = model.loader().loadClass(ENTRY).getMethod("create", String.class, String.class, String.class, Map.class,
                    List.class, boolean.class);
            create.invoke(null, database.jdbcUrl(), database.user(), database.password(), settings,
                    model.managed().stream().map(Class::getName).toList(), Boolean.getBoolean("fidelity.show-ddl"));
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Hibernate 6.6 could not create the schema of " + model.set().name() + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the Hibernate 6.6 bridge cannot be called", e);
        }
    }

    @Override
    public void close() throws IOException {
        hibernate.close();
    }

    private static Logger quiet(String name, Level level) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(level);
        return logger;
    }
}
