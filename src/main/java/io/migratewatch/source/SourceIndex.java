package io.migratewatch.source;

import java.nio.file.Path;
import java.util.List;

/** Placeholder until the parser lands: the cross-file index of model sources. */
public final class SourceIndex {

    public static SourceIndex scan(List<Path> roots, MappingOptions options) {
        throw new UnsupportedOperationException("source parser not built yet");
    }

    public void update(Path file) {
        throw new UnsupportedOperationException("source parser not built yet");
    }

    public ParsedModel model() {
        throw new UnsupportedOperationException("source parser not built yet");
    }
}
