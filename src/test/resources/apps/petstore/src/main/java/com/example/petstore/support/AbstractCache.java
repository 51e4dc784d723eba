package com.example.petstore.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** A small least-recently-used cache; subclasses say how to load a value. */
public abstract class AbstractCache<K, V> {

    private final int capacity;
    private final Map<K, V> entries;

    protected AbstractCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > AbstractCache.this.capacity;
            }
        };
    }

    protected abstract V load(K key);

    public synchronized V get(K key) {
        return entries.computeIfAbsent(key, (Function<K, V>) this::load);
    }
}
