package io.migratewatch.watch;

import java.nio.file.Path;
import java.util.Set;

/** Which paths the daemon cares about: Java sources and the application's settings files, not editor temporaries, not build output. */
public final class PathFilter {

    /** Folders never walked or watched. */
    public static final Set<String> SKIPPED_FOLDERS = Set.of("target", "build", ".git", "node_modules", ".idea", ".gradle");

    private PathFilter() {
    }

    /** A model source: {@code *.java}, and not a temporary an editor writes while saving. */
    public static boolean isModelSource(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        return name.endsWith(".java") && !isEditorTemporary(name) && !isUnderSkippedFolder(path);
    }

    /**
     * The application's own settings, which may change the mapping (models.settings): {@code application.yml},
     * {@code application.yaml}, {@code application.properties}, their profile variants ({@code application-prod.yml})
     * and {@code persistence.xml}; not an editor's temporary.
     */
    public static boolean isSettingsFile(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        if (isEditorTemporary(name) || isUnderSkippedFolder(path)) {
            return false;
        }
        return name.equals("persistence.xml") || (name.startsWith("application")
                && (name.endsWith(".yml") || name.endsWith(".yaml") || name.endsWith(".properties")));
    }

    /** What the daemon passes to the pipeline: model sources and the application's settings files. */
    public static boolean isWatched(Path path) {
        return isModelSource(path) || isSettingsFile(path);
    }

    static boolean isEditorTemporary(String name) {
        return name.endsWith(".tmp") || name.endsWith("~") || name.endsWith(".swp") || name.endsWith(".swx")
                || name.equals("4913") || name.endsWith("___jb_tmp___") || name.endsWith("___jb_old___")
                || name.startsWith(".goutputstream-") || name.startsWith(".#");
    }

    public static boolean isUnderSkippedFolder(Path path) {
        for (Path part : path) {
            if (SKIPPED_FOLDERS.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }
}
