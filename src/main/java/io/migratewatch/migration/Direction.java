package io.migratewatch.migration;

public enum Direction {
    UP, DOWN
}
