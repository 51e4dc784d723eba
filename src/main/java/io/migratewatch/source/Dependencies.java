package io.migratewatch.source;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The files (and their parse versions) that one entity's mapping read: its own, its superclasses',
 * enums', constants' and association targets'. A cached mapping stays valid while none of these
 * files changed, which keeps {@link SourceIndex#model()} cheap after a one-file edit.
 */
final class Dependencies {

    private final Map<Path, Long> read = new HashMap<>();

    void add(TypeInfo type) {
        read.put(type.file(), type.version());
    }

    void addAll(Dependencies other) {
        read.putAll(other.read);
    }

    Map<Path, Long> snapshot() {
        return Map.copyOf(read);
    }
}
