package io.migratewatch.source;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What migrate-watch took from the application's own configuration files ({@code models.settings}).
 *
 * @param settings the schema-relevant settings
 * @param files    the files read, lowest precedence first
 * @param taken    what was applied, for the one line that says so ({@code naming spring},
 *                 {@code preferred_instant_jdbc_type TIMESTAMP})
 * @param warnings settings that change Hibernate's DDL in a way migrate-watch does not follow (yet)
 */
public record ApplicationSettings(HibernateSettings settings, List<Path> files, List<String> taken, List<SourceProblem> warnings) {

    /** No files (none found, or {@code models.settings = off}). */
    public static final ApplicationSettings NONE = new ApplicationSettings(HibernateSettings.NONE, List.of(), List.of(), List.of());

    public ApplicationSettings {
        files = List.copyOf(files);
        taken = List.copyOf(taken);
        warnings = List.copyOf(warnings);
    }

    /** {@code models.naming} in watcher.conf wins over the application's naming strategies. */
    public ApplicationSettings withoutNaming() {
        return new ApplicationSettings(settings.withoutNaming(), files,
                taken.stream().filter(t -> !t.startsWith("naming ")).toList(), warnings);
    }

    /**
     * {@code Hibernate settings from src/main/resources/application.yml: naming spring, preferred_instant_jdbc_type
     * TIMESTAMP}, or null when no file was read.
     *
     * @param display how a path is shown (relative to the project folder)
     */
    public String describe(Function<Path, String> display) {
        if (files.isEmpty()) {
            return null;
        }
        return "Hibernate settings from " + files.stream().map(display).collect(Collectors.joining(", ")) + ": "
                + (taken.isEmpty() ? "nothing that changes the schema" : String.join(", ", taken));
    }
}
