package io.migratewatch.watch;

import java.nio.file.Path;

/** What the watcher reports: a path changed (created, modified or deleted), or events were lost. */
public interface FileEvents {

    void changed(Path path);

    /** The operating system dropped events: everything must be looked at again. */
    void overflow();
}
