package io.migratewatch.source;

import java.util.Objects;

/**
 * The settings that select mapping rules: the naming strategy and the Hibernate major version
 * (6 or 7), since a few defaults differ between them (see docs/mapping.md).
 */
public record MappingOptions(Naming naming, int hibernateVersion) {

    public static final MappingOptions DEFAULT = new MappingOptions(Naming.SPRING, 7);

    public MappingOptions {
        Objects.requireNonNull(naming, "naming");
        if (hibernateVersion != 6 && hibernateVersion != 7) {
            throw new IllegalArgumentException("models.hibernate-version must be 6 or 7, not " + hibernateVersion);
        }
    }

    boolean hibernate7() {
        return hibernateVersion >= 7;
    }
}
