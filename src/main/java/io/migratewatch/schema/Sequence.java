package io.migratewatch.schema;

public record Sequence(String name, long start, long increment) implements java.io.Serializable {
}
