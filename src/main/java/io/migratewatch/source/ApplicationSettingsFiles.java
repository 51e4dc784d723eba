package io.migratewatch.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds and reads the application's own configuration files ({@code models.settings}): Spring Boot's and Quarkus's
 * {@code application.properties} / {@code application.yml} (with Spring's {@code spring.profiles.active}, its
 * {@code application-<profile>} files and {@code on-profile} documents, and Quarkus's {@code %profile.} keys), or a
 * plain JPA application's {@code META-INF/persistence.xml}.
 */
public final class ApplicationSettingsFiles {

    private static final List<String> APPLICATION = List.of("application.yml", "application.yaml", "application.properties");
    private static final String PERSISTENCE_XML = "META-INF/persistence.xml";

    private ApplicationSettingsFiles() {
    }

    /**
     * The settings files next to the model sources, lowest precedence first: in each models path's parents up to
     * the project folder (only when the path lies inside it), the path itself, and for a {@code .../src/main/java}
     * path the sibling {@code src/main/resources}, whose files win. Profile files are not listed: {@link #read}
     * finds those beside the application file once it knows the active profiles.
     */
    public static List<Path> find(List<Path> modelPaths, Path projectFolder) {
        Set<Path> found = new LinkedHashSet<>();
        Path project = projectFolder.toAbsolutePath().normalize();
        for (Path modelPath : modelPaths) {
            Path root = modelPath.toAbsolutePath().normalize();
            List<Path> folders = new ArrayList<>();
            if (root.startsWith(project)) {
                for (Path p = root.getParent(); p != null && p.startsWith(project); p = p.getParent()) {
                    folders.add(0, p);
                }
            }
            folders.add(root);
            if (root.endsWith(Path.of("src", "main", "java"))) {
                folders.add(root.getParent().resolve("resources"));
            }
            for (Path folder : folders) {
                for (String name : APPLICATION) {
                    Path f = folder.resolve(name);
                    if (Files.isRegularFile(f)) {
                        found.add(f);
                    }
                }
                Path xml = folder.resolve(PERSISTENCE_XML);
                if (Files.isRegularFile(xml)) {
                    found.add(xml);
                }
            }
        }
        return List.copyOf(found);
    }

    /**
     * Reads the files (lowest precedence first) and what they say about the schema.
     *
     * @throws SourceException when a file does not parse, naming the file and the line
     */
    public static ApplicationSettings read(List<Path> files) {
        if (files.isEmpty()) {
            return ApplicationSettings.NONE;
        }
        List<Path> application = files.stream().filter(ApplicationSettingsFiles::isApplicationFile).toList();
        if (application.isEmpty()) {
            // a plain JPA application: Spring Boot and Quarkus do not read persistence.xml by default
            List<Path> xml = files.stream().limit(1).toList();
            return HibernateProperties.interpret(HibernateProperties.Framework.JPA, read(xml.get(0)).get(0).entries(), xml);
        }
        List<Path> used = new ArrayList<>();
        List<SettingsDocument> base = new ArrayList<>();
        for (Path f : order(application)) {
            used.add(f);
            base.addAll(read(f));
        }
        Map<String, SettingsFileReader.Entry> merged = merge(base, Set.of());
        boolean quarkus = merged.keySet().stream().anyMatch(k -> k.startsWith("quarkus.") || k.startsWith("%"));
        if (quarkus) {
            String profile = value(merged, "quarkus.profile", "prod");
            return HibernateProperties.interpret(HibernateProperties.Framework.QUARKUS, quarkusProfile(merged, profile), used);
        }
        Set<String> profiles = new LinkedHashSet<>();
        for (String p : value(merged, "spring.profiles.active", "").split(",")) {
            if (!p.isBlank()) {
                profiles.add(p.strip());
            }
        }
        List<SettingsDocument> all = new ArrayList<>(base);
        for (String profile : profiles) {
            for (Path f : application) {
                for (Path pf : order(profileFiles(f, profile))) {
                    if (!used.contains(pf)) {
                        used.add(pf);
                        read(pf).forEach(d -> all.add(d.forProfile(profile)));
                    }
                }
            }
        }
        return HibernateProperties.interpret(HibernateProperties.Framework.SPRING, merge(all, profiles), used);
    }

    /** One document of a settings file, and the profile it is for (null: always). */
    private record SettingsDocument(Map<String, SettingsFileReader.Entry> entries, String profile) {

        SettingsDocument forProfile(String p) {
            return new SettingsDocument(entries, profile == null ? p : profile);
        }
    }

    private static List<SettingsDocument> read(Path file) {
        List<SettingsDocument> out = new ArrayList<>();
        for (Map<String, SettingsFileReader.Entry> doc : SettingsFileReader.read(file)) {
            SettingsFileReader.Entry on = doc.getOrDefault("spring.config.activate.on-profile", doc.get("spring.profiles"));
            out.add(new SettingsDocument(doc, on == null ? null : on.value().strip()));
        }
        return out;
    }

    /** Documents in order; a profile document only when one of its profiles (comma-separated) is active. */
    private static Map<String, SettingsFileReader.Entry> merge(List<SettingsDocument> documents, Set<String> active) {
        Map<String, SettingsFileReader.Entry> merged = new LinkedHashMap<>();
        // Spring Boot applies profile-specific documents and files after every document without a profile
        for (boolean profiled : new boolean[]{false, true}) {
            for (SettingsDocument d : documents) {
                if ((d.profile() != null) == profiled && (d.profile() == null || activeIn(d.profile(), active))) {
                    merged.putAll(d.entries());
                }
            }
        }
        return merged;
    }

    private static boolean activeIn(String profiles, Set<String> active) {
        for (String p : profiles.split(",")) {
            if (active.contains(p.strip())) {
                return true;
            }
        }
        return false;
    }

    /** Quarkus: {@code %dev.quarkus...} applies in that profile only, over the key without a profile. */
    private static Map<String, SettingsFileReader.Entry> quarkusProfile(Map<String, SettingsFileReader.Entry> merged, String profile) {
        Map<String, SettingsFileReader.Entry> out = new LinkedHashMap<>();
        merged.forEach((k, v) -> {
            if (!k.startsWith("%")) {
                out.put(k, v);
            }
        });
        String prefix = "%" + profile + ".";
        merged.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    /** {@code application-<profile>.yml} and {@code .properties} beside an application file. */
    private static List<Path> profileFiles(Path applicationFile, String profile) {
        List<Path> out = new ArrayList<>();
        for (String name : APPLICATION) {
            Path f = applicationFile.resolveSibling(name.replace("application.", "application-" + profile + "."));
            if (Files.isRegularFile(f)) {
                out.add(f);
            }
        }
        return out;
    }

    /** In one folder {@code .properties} wins over {@code .yml} (Spring Boot's order); folders keep theirs. */
    private static List<Path> order(List<Path> files) {
        List<Path> out = new ArrayList<>(files);
        for (int i = 1; i < out.size(); i++) {
            Path a = out.get(i - 1);
            Path b = out.get(i);
            if (a.getParent() != null && a.getParent().equals(b.getParent()) && a.toString().endsWith(".properties")
                    && !b.toString().endsWith(".properties")) {
                out.set(i - 1, b);
                out.set(i, a);
            }
        }
        return out;
    }

    private static boolean isApplicationFile(Path f) {
        String name = String.valueOf(f.getFileName()).toLowerCase(Locale.ROOT);
        return name.startsWith("application") && !name.endsWith(".xml");
    }

    private static String value(Map<String, SettingsFileReader.Entry> settings, String key, String otherwise) {
        SettingsFileReader.Entry e = settings.get(key);
        return e == null ? otherwise : e.value();
    }
}
