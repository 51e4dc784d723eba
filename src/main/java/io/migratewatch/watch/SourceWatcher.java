package io.migratewatch.watch;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Watches folders recursively, folders created later included, with io.methvin's directory-watcher
 * (native events where the OS has them), and passes the events on. Build output is not walked.
 */
public final class SourceWatcher implements AutoCloseable {

    private final DirectoryWatcher watcher;

    public SourceWatcher(List<Path> roots, FileEvents events) throws IOException {
        for (Path root : roots) {
            Files.createDirectories(root);
        }
        this.watcher = DirectoryWatcher.builder()
                .paths(roots)
                .fileHashing(false) // ContentHashes compares content once per batch, not per event
                .fileTreeVisitor(new SkippingFileTreeVisitor())
                .listener(event -> {
                    if (event.eventType() == DirectoryChangeEvent.EventType.OVERFLOW) {
                        events.overflow();
                    } else if (event.path() != null && !PathFilter.isUnderSkippedFolder(event.rootPath().relativize(event.path()))) {
                        events.changed(event.path());
                    }
                })
                .build();
    }

    public void start() {
        watcher.watchAsync();
    }

    @Override
    public void close() throws IOException {
        watcher.close();
    }
}
