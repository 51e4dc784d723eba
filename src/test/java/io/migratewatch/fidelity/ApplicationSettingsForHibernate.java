package io.migratewatch.fidelity;

import io.migratewatch.source.Naming;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;
import org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The Hibernate properties a Spring Boot application hands to Hibernate from its {@code application.yml} or
 * {@code application.properties} (and those of the profiles in {@code spring.profiles.active}), rebuilt here
 * without Spring and independently of migrate-watch's own reader: {@code spring.jpa.properties.X} → {@code X},
 * {@code spring.jpa.hibernate.naming.physical-strategy} / {@code implicit-strategy} → Hibernate's naming strategy
 * settings, Spring Boot's default strategies when none is named ({@link SpringLikeImplicitNaming} standing in for
 * {@code SpringImplicitNamingStrategy}). Deliberately small: only what the model sets use.
 *
 * @param present    whether the set carries application settings at all
 * @param properties the Hibernate properties, naming strategies included (as objects)
 * @param naming     what the naming strategies amount to, or null when they mix the two namings
 */
public record ApplicationSettingsForHibernate(boolean present, Map<String, Object> properties, Naming naming) {

    static final ApplicationSettingsForHibernate NONE = new ApplicationSettingsForHibernate(false, Map.of(), null);

    public static ApplicationSettingsForHibernate of(ModelSet set) {
        Path resources = set.resources();
        if (resources == null) {
            return NONE;
        }
        Map<String, String> flat = read(resources, "application");
        if (flat == null) {
            return NONE;
        }
        for (String profile : flat.getOrDefault("spring.profiles.active", "").split(",")) {
            if (!profile.isBlank()) {
                Map<String, String> more = read(resources, "application-" + profile.strip());
                if (more != null) {
                    flat.putAll(more);
                }
            }
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        flat.forEach((k, v) -> {
            if (k.startsWith("spring.jpa.properties.")) {
                properties.put(k.substring("spring.jpa.properties.".length()), v);
            }
        });
        String physical = flat.getOrDefault("spring.jpa.hibernate.naming.physical-strategy",
                (String) properties.getOrDefault("hibernate.physical_naming_strategy", CamelCaseToUnderscoresNamingStrategy.class.getName()));
        String implicit = flat.getOrDefault("spring.jpa.hibernate.naming.implicit-strategy",
                (String) properties.getOrDefault("hibernate.implicit_naming_strategy", "SpringImplicitNamingStrategy"));
        boolean snake = !physical.endsWith(PhysicalNamingStrategyStandardImpl.class.getSimpleName());
        boolean springJoins = implicit.endsWith("SpringImplicitNamingStrategy");
        properties.put("hibernate.physical_naming_strategy", physical);
        properties.put("hibernate.implicit_naming_strategy", springJoins ? SpringLikeImplicitNaming.class.getName()
                : ImplicitNamingStrategyJpaCompliantImpl.class.getName());
        Naming naming = snake != springJoins ? null : snake ? Naming.SPRING : Naming.HIBERNATE;
        return new ApplicationSettingsForHibernate(true, Map.copyOf(properties), naming);
    }

    /** {@code <name>.yml} (every document without {@code spring.config.activate.on-profile}) or {@code <name>.properties}. */
    private static Map<String, String> read(Path folder, String name) {
        Path yml = folder.resolve(name + ".yml");
        Path properties = folder.resolve(name + ".properties");
        try {
            if (Files.isRegularFile(yml)) {
                Map<String, String> flat = new LinkedHashMap<>();
                try (Reader r = Files.newBufferedReader(yml)) {
                    for (Object document : new Yaml().loadAll(r)) {
                        Map<String, String> d = new LinkedHashMap<>();
                        flatten("", document, d);
                        if (!d.containsKey("spring.config.activate.on-profile")) {
                            flat.putAll(d);
                        }
                    }
                }
                return flat;
            }
            if (Files.isRegularFile(properties)) {
                Properties p = new Properties();
                try (Reader r = Files.newBufferedReader(properties)) {
                    p.load(r);
                }
                Map<String, String> flat = new LinkedHashMap<>();
                p.stringPropertyNames().forEach(k -> flat.put(k, p.getProperty(k).strip()));
                return flat;
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void flatten(String prefix, Object value, Map<String, String> out) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, out));
        } else if (value instanceof List<?> list) {
            out.put(prefix, String.join(",", list.stream().map(String::valueOf).toList()));
        } else if (value != null) {
            out.put(prefix, String.valueOf(value));
        }
    }
}
